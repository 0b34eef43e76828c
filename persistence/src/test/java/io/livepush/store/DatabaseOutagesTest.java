package io.livepush.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatabaseOutagesTest {

    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(START);
    private final DatabaseOutages outages = new DatabaseOutages(clock);

    @Test
    void noOutageWhileTransactionsSucceed() {
        outages.succeeded();
        clock.advance(Duration.ofMinutes(5));
        outages.succeeded();
        assertThat(outages.recentOutageStart(clock.instant(), GRACE)).isEmpty();
    }

    @Test
    void anOutageStartsAtTheLastSuccessAndLastsUntilTheGraceAfterItEnds() {
        outages.succeeded();
        clock.advance(Duration.ofSeconds(20));
        outages.failed();
        clock.advance(Duration.ofMinutes(2));
        outages.failed();
        assertThat(outages.recentOutageStart(clock.instant(), GRACE)).contains(START);

        outages.succeeded();
        clock.advance(GRACE.minusSeconds(1));
        assertThat(outages.recentOutageStart(clock.instant(), GRACE)).contains(START);
        clock.advance(Duration.ofSeconds(1));
        assertThat(outages.recentOutageStart(clock.instant(), GRACE)).isEmpty();
    }

    @Test
    void anOutageWithoutAnEarlierSuccessStartsAtTheFirstFailure() {
        clock.advance(Duration.ofSeconds(7));
        outages.failed();
        assertThat(outages.recentOutageStart(clock.instant(), GRACE)).contains(START.plusSeconds(7));
    }
}
