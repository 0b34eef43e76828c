package io.livepush.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A slot's publishing as every ingest node saw it, summed: what the Details view and the API's live status show.
 *
 * @param lastPutAt   the latest successful PUT on any node, or {@code null}
 * @param bitrateKbps the highest bitrate any node measures (encoders send the same stream to primary and backup)
 * @param lastError   the latest error on any node, or {@code null}
 * @param nodes       each node's own report
 */
public record SlotLiveStatus(LiveActivity activity, Instant lastPutAt, int bitrateKbps, boolean overBitrate,
        Map<Integer, Long> requestsLastMinute, long bytesLastMinute, Map<Integer, Long> requestsLastHour,
        long bytesLastHour, int authFailuresLastMinute, String lastError, Instant lastErrorAt,
        List<NodeReport> nodes) {

    /** One node's report. */
    public record NodeReport(String nodeId, Instant updatedAt, IngestReport report) {
    }

    public SlotLiveStatus {
        requestsLastMinute = Map.copyOf(requestsLastMinute);
        requestsLastHour = Map.copyOf(requestsLastHour);
        nodes = List.copyOf(nodes);
    }
}
