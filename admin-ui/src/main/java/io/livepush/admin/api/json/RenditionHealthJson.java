package io.livepush.admin.api.json;

/**
 * One rendition as one ingest node sees it, in {@code GET /slots/{name}/health}. {@code state} is {@code healthy},
 * {@code late}, {@code missing_segments}, {@code off_bitrate} or {@code stopped}; {@code since} is when that state
 * started. Times are ISO-8601 instants, ages and durations seconds.
 */
public record RenditionHealthJson(String rendition, String node, String format, String state, String since,
        Long lastSequence, String lastSegmentAt, double segmentAgeSeconds, double playlistAgeSeconds,
        double segmentDurationSeconds, Integer measuredKbps, Integer declaredKbps, int missingSegments,
        long missingSegmentsTotal, int sequenceResets, String lastResetAt, long discontinuities, String reportedAt) {
}
