package io.livepush.admin.api.json;

import java.util.Map;

/**
 * {@code GET /slots/{name}/status}: provisioning status and the live ingest figures summed over every ingest node;
 * {@code live} is {@code Active}, {@code Inactive} or {@code Error}.
 */
public record LiveStatusJson(String slot, String status, String statusReason, String live, String lastPut,
        int bitrateKbps, boolean overBitrate, Map<Integer, Long> requestsLastMinute,
        Map<Integer, Long> requestsLastHour, int authFailuresLastMinute, String lastError, String lastErrorAt) {
}
