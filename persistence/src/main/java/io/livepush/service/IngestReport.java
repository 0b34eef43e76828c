package io.livepush.service;

import java.time.Instant;
import java.util.Map;

/**
 * What an ingest node reports about one slot's publishing every few seconds.
 *
 * @param lastPutAt          the last successful PUT, or {@code null}
 * @param requestsLastMinute HTTP status → requests answered in the last minute
 * @param lastError          the last refused or failed request with its reason, never holding a credential
 */
public record IngestReport(String slotId, Instant lastPutAt, int bitrateKbps, boolean overBitrate,
        Map<Integer, Long> requestsLastMinute, long bytesLastMinute, Map<Integer, Long> requestsLastHour,
        long bytesLastHour, int authFailuresLastMinute, String lastError, Instant lastErrorAt) {

    public IngestReport {
        requestsLastMinute = Map.copyOf(requestsLastMinute);
        requestsLastHour = Map.copyOf(requestsLastHour);
    }
}
