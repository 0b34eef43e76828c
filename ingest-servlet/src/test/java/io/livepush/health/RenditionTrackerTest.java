package io.livepush.health;

import static io.livepush.health.HealthFiles.playlist;
import static io.livepush.health.HealthFiles.segment;
import static io.livepush.health.HealthFiles.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenditionTrackerTest {

    private static final Instant START = Instant.parse("2026-12-05T08:00:00Z");
    /** 125 000 bytes a second: 1 000 kbps. */
    private static final int SEGMENT_BYTES = 125_000;

    @TempDir
    Path slot;
    private Path playlist;
    private final MutableClock clock = new MutableClock(START);
    private RenditionTracker tracker;

    @BeforeEach
    void setUp() {
        playlist = slot.resolve("low/index.m3u8");
        tracker = new RenditionTracker(new RenditionName("s1", "low/index.m3u8"), START);
    }

    @Test
    void aRenditionPublishingEverySegmentOnTimeIsHealthy() {
        publish(0, 3);
        for (int n = 3; n < 8; n++) {
            clock.advance(Duration.ofSeconds(1));
            publish(n - 2, 3);
        }

        RenditionReport report = tracker.report();
        assertThat(report.state()).isEqualTo(RenditionState.HEALTHY);
        assertThat(report.lastSequence()).isEqualTo(7L);
        assertThat(report.facts().lastSegmentAt()).isEqualTo(clock.instant());
        assertThat(report.facts().segmentDuration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(report.measuredKbps()).isEqualTo(1000);
        assertThat(report.missingNow()).isZero();
    }

    @Test
    void aRenditionWithoutNewSegmentsTurnsLateThenStoppedOnTheTimer() {
        publish(0, 3);

        clock.advance(Duration.ofMillis(1499));
        tracker.refresh(clock.instant());
        assertThat(tracker.report().state()).isEqualTo(RenditionState.HEALTHY);
        clock.advance(Duration.ofMillis(1));
        tracker.refresh(clock.instant());
        assertThat(tracker.snapshot(clock.instant()).status())
                .isEqualTo(new RenditionStatus(RenditionState.LATE, START.plusMillis(1500)));
        clock.advance(Duration.ofMillis(1500));
        tracker.refresh(clock.instant());
        assertThat(tracker.snapshot(clock.instant()).status())
                .isEqualTo(new RenditionStatus(RenditionState.STOPPED, START.plusSeconds(3)));
        assertThat(tracker.snapshot(clock.instant()).lastSegmentAge()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aLateRenditionIsHealthyAgainFromItsNextSegment() {
        publish(0, 3);
        clock.advance(Duration.ofSeconds(2));
        tracker.refresh(clock.instant());
        publish(1, 3);

        assertThat(tracker.snapshot(clock.instant()).status())
                .isEqualTo(new RenditionStatus(RenditionState.HEALTHY, START.plusSeconds(2)));
    }

    @Test
    void aNamedSegmentNotUploadedWithinASegmentDurationIsMissing() {
        publish(0, 3);
        clock.advance(Duration.ofSeconds(1));
        tracker.update(window(slot, playlist, playlist("seg", 1, 3, false)), clock.instant());
        assertThat(tracker.report().state()).as("seg3 may still be on its way").isEqualTo(RenditionState.HEALTHY);

        clock.advance(Duration.ofMillis(1000));
        tracker.refresh(clock.instant());
        RenditionReport report = tracker.report();
        assertThat(report.state()).isEqualTo(RenditionState.MISSING_SEGMENTS);
        assertThat(report.missingNow()).isEqualTo(1);
        assertThat(report.missingTotal()).isEqualTo(1);
        assertThat(report.facts().missingSince()).isEqualTo(clock.instant());

        segment(slot.resolve("low/seg4.ts"), SEGMENT_BYTES);
        tracker.update(window(slot, playlist, playlist("seg", 2, 3, false)), clock.instant());
        assertThat(tracker.report().state()).isEqualTo(RenditionState.MISSING_SEGMENTS);

        clock.advance(Duration.ofSeconds(1));
        publish(3, 3);
        assertThat(tracker.report().state()).as("seg3 left the window").isEqualTo(RenditionState.HEALTHY);
        assertThat(tracker.report().missingTotal()).isEqualTo(1);
    }

    @Test
    void aMediaSequenceGoingBackIsCountedAsAReset() {
        publish(40, 3);
        clock.advance(Duration.ofSeconds(1));
        publish(0, 1);

        RenditionReport report = tracker.report();
        assertThat(report.sequenceResets()).isEqualTo(1);
        assertThat(report.lastResetAt()).isEqualTo(clock.instant());
        assertThat(report.lastSequence()).isEqualTo(0L);
        assertThat(report.state()).isEqualTo(RenditionState.HEALTHY);
        assertThat(tracker.arrivals()).containsOnlyKeys(0L);
    }

    @Test
    void discontinuitiesOfNewSegmentsAreCounted() {
        publish(0, 2);
        segment(slot.resolve("low/seg2.ts"), SEGMENT_BYTES);
        String text = playlist("seg", 0, 2, false) + "#EXT-X-DISCONTINUITY\n#EXTINF:1.0,\nseg2.ts\n";
        tracker.update(window(slot, playlist, text), clock.instant());
        tracker.update(window(slot, playlist, text), clock.instant());

        assertThat(tracker.report().discontinuities()).isEqualTo(1);
    }

    @Test
    void anEndListStopsTheRenditionAtOnce() {
        publish(0, 3);
        clock.advance(Duration.ofMillis(200));
        tracker.update(window(slot, playlist, playlist("seg", 0, 3, true)), clock.instant());

        assertThat(tracker.snapshot(clock.instant()).status())
                .isEqualTo(new RenditionStatus(RenditionState.STOPPED, clock.instant()));
    }

    @Test
    void aBitrateOffTheDeclaredOneForTenSecondsIsOffBitrate() {
        tracker.declare(500);
        publish(0, 3);
        for (int second = 1; second < 10; second++) {
            clock.advance(Duration.ofSeconds(1));
            publish(second, 3);
        }
        assertThat(tracker.report().state()).as("9 s off target").isEqualTo(RenditionState.HEALTHY);
        assertThat(tracker.report().measuredKbps()).isEqualTo(1000);
        assertThat(tracker.report().declaredKbps()).isEqualTo(500);

        clock.advance(Duration.ofSeconds(1));
        publish(10, 3);
        assertThat(tracker.snapshot(clock.instant()).status())
                .isEqualTo(new RenditionStatus(RenditionState.OFF_BITRATE, START.plusSeconds(10)));

        tracker.declare(1100);
        tracker.refresh(clock.instant());
        assertThat(tracker.report().state()).isEqualTo(RenditionState.HEALTHY);
    }

    @Test
    void aChangedReportIsDueAfterTheIntervalOrWhenTheStoredOneWouldLookLate() {
        Duration interval = Duration.ofSeconds(5);
        Duration margin = Duration.ofMillis(750);
        publish(0, 3);
        RenditionReport first = tracker.due(clock.instant(), interval, margin);
        assertThat(first).as("never written").isNotNull();
        tracker.written(first, clock.instant());
        assertThat(tracker.due(clock.instant(), interval, margin)).as("unchanged").isNull();

        clock.advance(Duration.ofMillis(500));
        publish(1, 3);
        assertThat(tracker.due(clock.instant(), interval, margin)).as("stored row is Late only at 1.5 s").isNull();
        clock.advance(Duration.ofMillis(300));
        tracker.refresh(clock.instant());
        assertThat(tracker.due(clock.instant(), interval, margin)).as("the stored row turns Late within the margin")
                .isNotNull();
    }

    /** The encoder uploads segments {@code first..first+count-1} (those missing so far) and then the playlist. */
    private void publish(long first, int count) {
        for (long n = first; n < first + count; n++) {
            Path file = slot.resolve("low/seg" + n + ".ts");
            if (!file.toFile().exists()) {
                segment(file, SEGMENT_BYTES);
            }
        }
        tracker.update(window(slot, playlist, playlist("seg", first, count, false)), clock.instant());
    }
}
