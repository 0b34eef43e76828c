package io.livepush.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.service.IngestReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One slot's statistics: the bitrate over 10 s and the over-bitrate flag after a 10 s grace (SPEC §4, §7). */
class SlotCountersTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** 1 250 000 bytes a second is 10 000 kbps. */
    private static final long TEN_MBPS_PER_SECOND = 1_250_000;

    private final SlotCounters counters = new SlotCounters("slot-1");

    private static Instant at(long seconds, long millis) {
        return T0.plusSeconds(seconds).plusMillis(millis);
    }

    @Test
    void bitrateIsMeasuredOverTenSeconds() {
        for (int second = 0; second < 15; second++) {
            counters.record(at(second, 100), 201, TEN_MBPS_PER_SECOND, true, null);
        }

        assertThat(counters.bitrateKbps(at(15, 0))).isEqualTo(10_000);
        assertThat(counters.bitrateKbps(at(15, 999))).isEqualTo(10_000);
        assertThat(counters.bitrateKbps(at(20, 0))).isEqualTo(5_000);
        assertThat(counters.bitrateKbps(at(25, 0))).isZero();
    }

    @Test
    void steadyRateIsNotOverstatedWhateverTheMomentOfMeasuring() {
        for (int tenth = 0; tenth < 300; tenth++) {
            Instant now = T0.plusMillis(tenth * 100L);
            counters.record(now, 201, TEN_MBPS_PER_SECOND / 10, true, null);
            if (tenth >= 110) {
                assertThat(counters.bitrateKbps(now)).as("at %s", now).isEqualTo(10_000);
            }
        }
    }

    @Test
    void overBitrateIsFlaggedOnlyAfterTenSecondsOver() {
        double limitKbps = 2000;
        Instant firstOver = null;
        Instant firstFlagged = null;
        for (int second = 0; second < 40; second++) {
            Instant now = at(second, 100);
            counters.record(now, 201, 500_000, true, null);
            boolean flagged = counters.isOverBitrate(now, limitKbps);
            if (firstOver == null && counters.bitrateKbps(now) > limitKbps) {
                firstOver = now;
            }
            boolean graceOver = firstOver != null
                    && Duration.between(firstOver, now).compareTo(Duration.ofSeconds(10)) > 0;
            assertThat(flagged).as("at second %d", second).isEqualTo(graceOver);
            if (flagged && firstFlagged == null) {
                firstFlagged = now;
            }
        }

        assertThat(firstOver).isBefore(at(10, 0));
        assertThat(firstFlagged).isEqualTo(firstOver.plusSeconds(11));
    }

    @Test
    void droppingUnderTheLimitRestartsTheGrace() {
        for (int second = 0; second < 30; second++) {
            counters.record(at(second, 100), 201, 500_000, true, null);
            counters.isOverBitrate(at(second, 100), 2000);
        }
        assertThat(counters.isOverBitrate(at(30, 0), 2000)).isTrue();

        assertThat(counters.isOverBitrate(at(45, 0), 2000)).as("silent for 15 s").isFalse();
        for (int second = 45; second < 60; second++) {
            counters.record(at(second, 100), 201, 500_000, true, null);
            counters.isOverBitrate(at(second, 100), 2000);
        }
        assertThat(counters.isOverBitrate(at(60, 0), 2000)).as("over again for less than 10 s").isFalse();
    }

    @Test
    void reportHoldsRequestsAuthFailuresLastPutAndLastError() {
        counters.record(at(0, 0), 201, 1000, true, null);
        counters.record(at(1, 0), 401, 0, false, "401: wrong or missing credentials for user 'x'");
        counters.record(at(2, 0), 401, 0, false, "401: wrong or missing credentials for user 'y'");
        counters.record(at(3, 0), 204, 500, true, null);

        IngestReport report = counters.report(at(4, 0), 2000);

        assertThat(report.slotId()).isEqualTo("slot-1");
        assertThat(report.lastPutAt()).isEqualTo(at(3, 0));
        assertThat(report.requestsLastMinute()).isEqualTo(Map.of(201, 1L, 204, 1L, 401, 2L));
        assertThat(report.bytesLastMinute()).isEqualTo(1500);
        assertThat(report.requestsLastHour()).isEqualTo(report.requestsLastMinute());
        assertThat(report.authFailuresLastMinute()).isEqualTo(2);
        assertThat(report.lastError()).endsWith("user 'y'");
        assertThat(report.lastErrorAt()).isEqualTo(at(2, 0));
        assertThat(report.overBitrate()).isFalse();
    }

    @Test
    void minuteCountsFallOutAfter60SecondsAndHourCountsAfter60Minutes() {
        counters.record(at(0, 0), 201, 1000, true, null);

        IngestReport later = counters.report(at(60, 0), 2000);
        assertThat(later.requestsLastMinute()).isEmpty();
        assertThat(later.authFailuresLastMinute()).isZero();
        assertThat(later.requestsLastHour()).isEqualTo(Map.of(201, 1L));
        assertThat(later.bytesLastHour()).isEqualTo(1000);

        IngestReport muchLater = counters.report(at(3600, 0), 2000);
        assertThat(muchLater.requestsLastHour()).isEmpty();
        assertThat(muchLater.lastPutAt()).isEqualTo(at(0, 0));
    }

    @Test
    void slotIsIdleWhenNothingHappenedSinceTheCutoff() {
        assertThat(counters.isIdleSince(T0)).isTrue();
        counters.record(at(10, 0), 403, 0, false, "403: address not allowed");

        assertThat(counters.isIdleSince(at(10, 0))).isFalse();
        assertThat(counters.isIdleSince(at(10, 1))).isTrue();
    }
}
