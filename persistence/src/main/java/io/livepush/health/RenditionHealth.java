package io.livepush.health;

import java.time.Duration;
import java.time.Instant;

/**
 * One rendition's health as one ingest node sees it, judged at the moment it was read: what the portal's table and
 * {@code GET /api/v1/slots/{name}/health} show.
 *
 * @param segmentAge  how long ago the newest segment was published
 * @param playlistAge how long ago the playlist or MPD was last uploaded (how stale it is)
 * @param updatedAt   when the node last wrote this
 * @see RenditionReport for the other figures
 */
public record RenditionHealth(String nodeId, String rendition, String format, RenditionStatus status,
        Long lastSequence, Instant lastSegmentAt, Duration segmentAge, Instant playlistAt, Duration playlistAge,
        Duration segmentDuration, Integer measuredKbps, Integer declaredKbps, int missingNow, long missingTotal,
        int sequenceResets, Instant lastResetAt, long discontinuities, Instant updatedAt) {
}
