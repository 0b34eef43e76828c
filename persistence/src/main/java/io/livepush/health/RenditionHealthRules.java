package io.livepush.health;

import java.time.Duration;
import java.time.Instant;

/**
 * The rules of encoder health per rendition (SPEC §7), as pure functions of {@link RenditionFacts} and a moment:
 * <ul>
 * <li><b>Stopped</b>: the encoder ended the stream, or no new segment for {@value #STOPPED_FACTOR} × the segment
 * duration (since the end, or since the moment that duration passed);</li>
 * <li><b>Late</b>: no new segment for {@value #LATE_FACTOR} × the segment duration;</li>
 * <li><b>Missing segments</b>: the playlist names a segment that was never uploaded;</li>
 * <li><b>Off bitrate</b>: the measured bitrate has been outside ±25 % of the declared one for
 * {@link #OFF_BITRATE_GRACE};</li>
 * <li><b>Healthy</b> otherwise.</li>
 * </ul>
 * When several apply, the one listed first wins. Every state carries the time it started, computed from the facts,
 * so an ingest node and the admin application judging the same facts at the same moment agree.
 */
public final class RenditionHealthRules {

    /** Late after this many segment durations without a new segment. */
    public static final double LATE_FACTOR = 1.5;
    /** Stopped after this many segment durations without a new segment. */
    public static final double STOPPED_FACTOR = 3.0;
    /** The largest relative difference between measured and declared bitrate that is still on target. */
    public static final double BITRATE_TOLERANCE = 0.25;
    /** How long the bitrate must stay off target before the rendition is Off bitrate. */
    public static final Duration OFF_BITRATE_GRACE = Duration.ofSeconds(10);

    private RenditionHealthRules() {
    }

    /** The state of the rendition described by {@code facts} at {@code now}. */
    public static RenditionStatus judge(RenditionFacts facts, Instant now) {
        if (facts.endedAt() != null) {
            return new RenditionStatus(RenditionState.STOPPED, facts.endedAt());
        }
        Instant stoppedAt = facts.lastSegmentAt().plus(times(facts.segmentDuration(), STOPPED_FACTOR));
        if (!now.isBefore(stoppedAt)) {
            return new RenditionStatus(RenditionState.STOPPED, stoppedAt);
        }
        Instant lateAt = lateAt(facts);
        if (!now.isBefore(lateAt)) {
            return new RenditionStatus(RenditionState.LATE, lateAt);
        }
        if (facts.missingSince() != null && !now.isBefore(facts.missingSince())) {
            return new RenditionStatus(RenditionState.MISSING_SEGMENTS, facts.missingSince());
        }
        if (facts.offBitrateSince() != null) {
            Instant offAt = facts.offBitrateSince().plus(OFF_BITRATE_GRACE);
            if (!now.isBefore(offAt)) {
                return new RenditionStatus(RenditionState.OFF_BITRATE, offAt);
            }
        }
        Instant since = facts.healthySince() != null ? facts.healthySince() : facts.lastSegmentAt();
        return new RenditionStatus(RenditionState.HEALTHY, since.isAfter(now) ? now : since);
    }

    /** The moment a rendition with these facts turns Late unless a new segment arrives first. */
    public static Instant lateAt(RenditionFacts facts) {
        return facts.lastSegmentAt().plus(times(facts.segmentDuration(), LATE_FACTOR));
    }

    /**
     * Whether {@code measuredBitsPerSecond} lies outside ±{@value #BITRATE_TOLERANCE} of
     * {@code declaredBitsPerSecond} (both positive; the caller knows both).
     */
    public static boolean isOffBitrate(long measuredBitsPerSecond, long declaredBitsPerSecond) {
        double difference = Math.abs(measuredBitsPerSecond - (double) declaredBitsPerSecond);
        return difference > declaredBitsPerSecond * BITRATE_TOLERANCE;
    }

    private static Duration times(Duration duration, double factor) {
        return Duration.ofNanos(Math.round(duration.toNanos() * factor));
    }
}
