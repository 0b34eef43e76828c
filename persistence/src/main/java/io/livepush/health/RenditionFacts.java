package io.livepush.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What an ingest node has observed about one rendition, all that {@link RenditionHealthRules} needs to judge it at any
 * later moment. An ingest node keeps these current; the admin application reads them from the database and judges them
 * with its own clock, so Late and Stopped show without waiting for another report.
 *
 * @param segmentDuration the nominal segment duration: HLS {@code EXT-X-TARGETDURATION}, DASH segment duration
 * @param lastSegmentAt   when the newest segment was published (before any: when the playlist was first seen)
 * @param endedAt         when the encoder ended the stream ({@code EXT-X-ENDLIST}, a static MPD), or {@code null}
 * @param missingSince    since when the playlist names a segment that was never uploaded, or {@code null} when every
 *                        segment it names now arrived
 * @param offBitrateSince since when the measured bitrate has been outside ±25 % of the declared one, or {@code null}
 *                        when it is inside or either is unknown
 * @param healthySince    when the node last saw the rendition turn healthy, or {@code null}
 */
public record RenditionFacts(Duration segmentDuration, Instant lastSegmentAt, Instant endedAt, Instant missingSince,
        Instant offBitrateSince, Instant healthySince) {

    public RenditionFacts {
        Objects.requireNonNull(segmentDuration, "segmentDuration");
        Objects.requireNonNull(lastSegmentAt, "lastSegmentAt");
        if (segmentDuration.isNegative() || segmentDuration.isZero()) {
            throw new IllegalArgumentException("A segment duration must be positive: " + segmentDuration);
        }
    }
}
