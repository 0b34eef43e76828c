package io.livepush.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenditionHealthRulesTest {

    private static final Instant START = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration SEGMENT = Duration.ofSeconds(2);

    private final MutableClock clock = new MutableClock(START);

    @Test
    void aRenditionWithAFreshSegmentIsHealthySinceItTurnedHealthy() {
        RenditionFacts facts = facts(START, null, null, null, START.minusSeconds(30));
        clock.advance(Duration.ofMillis(2999));

        assertThat(judge(facts)).isEqualTo(new RenditionStatus(RenditionState.HEALTHY, START.minusSeconds(30)));
    }

    @Test
    void noNewSegmentForOneAndAHalfSegmentDurationsIsLateFromThatMoment() {
        RenditionFacts facts = facts(START, null, null, null, START);
        clock.advance(Duration.ofMillis(3000));

        assertThat(judge(facts)).isEqualTo(new RenditionStatus(RenditionState.LATE, START.plusSeconds(3)));
        assertThat(RenditionHealthRules.lateAt(facts)).isEqualTo(START.plusSeconds(3));
    }

    @Test
    void noNewSegmentForThreeSegmentDurationsIsStoppedFromThatMoment() {
        RenditionFacts facts = facts(START, null, null, null, START);
        clock.advance(Duration.ofMillis(5999));
        assertThat(judge(facts).state()).isEqualTo(RenditionState.LATE);

        clock.advance(Duration.ofMillis(1));
        assertThat(judge(facts)).isEqualTo(new RenditionStatus(RenditionState.STOPPED, START.plusSeconds(6)));
    }

    @Test
    void anEndedStreamIsStoppedSinceItsEnd() {
        RenditionFacts facts = new RenditionFacts(SEGMENT, START, START.plusMillis(500), null, null, START);
        clock.advance(Duration.ofSeconds(1));

        assertThat(judge(facts)).isEqualTo(new RenditionStatus(RenditionState.STOPPED, START.plusMillis(500)));
    }

    @Test
    void aNamedSegmentThatNeverArrivedIsMissingSegmentsSinceItWasFound() {
        RenditionFacts facts = facts(START, START.minusMillis(200), null, null, START.minusSeconds(60));

        assertThat(judge(facts)).isEqualTo(new RenditionStatus(RenditionState.MISSING_SEGMENTS,
                START.minusMillis(200)));
    }

    @Test
    void aBitrateOffTargetForTenSecondsIsOffBitrateFromThenOn() {
        RenditionFacts facts = facts(START, null, START.minusMillis(9_999), null, START.minusSeconds(60));
        assertThat(judge(facts).state()).as("9.999 s off target is still healthy").isEqualTo(RenditionState.HEALTHY);

        clock.advance(Duration.ofMillis(1));
        assertThat(judge(facts)).isEqualTo(new RenditionStatus(RenditionState.OFF_BITRATE, START.plusMillis(1)));
    }

    @Test
    void lateOutranksMissingSegmentsWhichOutranksOffBitrate() {
        RenditionFacts everything = facts(START, START, START.minusSeconds(20), null, START);
        assertThat(judge(everything).state()).isEqualTo(RenditionState.MISSING_SEGMENTS);

        clock.advance(Duration.ofSeconds(3));
        assertThat(judge(everything).state()).isEqualTo(RenditionState.LATE);
        clock.advance(Duration.ofSeconds(3));
        assertThat(judge(everything).state()).isEqualTo(RenditionState.STOPPED);
    }

    @Test
    void healthyWithoutARecordedRecoveryCountsFromTheLastSegment() {
        RenditionFacts facts = facts(START, null, null, null, null);
        clock.advance(Duration.ofSeconds(1));

        assertThat(judge(facts)).isEqualTo(new RenditionStatus(RenditionState.HEALTHY, START));
    }

    @ParameterizedTest(name = "{0} bit/s against {1} declared: off = {2}")
    @CsvSource({
        "1000000, 1000000, false",
        "1250000, 1000000, false",
        "1250001, 1000000, true",
        "750000, 1000000, false",
        "749999, 1000000, true",
        "0, 1000000, true",
        "3000000, 1000000, true"
    })
    void theBitrateIsOffTargetOutsideAQuarterOfTheDeclaredOne(long measured, long declared, boolean off) {
        assertThat(RenditionHealthRules.isOffBitrate(measured, declared)).isEqualTo(off);
    }

    @Test
    void everyStateHasTheMetricLabelOfTheIssue() {
        assertThat(RenditionState.values()).extracting(RenditionState::label)
                .containsExactly("stopped", "late", "missing_segments", "off_bitrate", "healthy");
        assertThat(RenditionState.ofLabel("off_bitrate")).isEqualTo(RenditionState.OFF_BITRATE);
    }

    private RenditionStatus judge(RenditionFacts facts) {
        return RenditionHealthRules.judge(facts, clock.instant());
    }

    private static RenditionFacts facts(Instant lastSegment, Instant missingSince, Instant offSince, Instant ended,
            Instant healthySince) {
        return new RenditionFacts(SEGMENT, lastSegment, ended, missingSince, offSince, healthySince);
    }
}
