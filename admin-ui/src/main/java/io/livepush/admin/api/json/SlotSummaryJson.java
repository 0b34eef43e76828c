package io.livepush.admin.api.json;

/** One row of {@code GET /slots}. {@code live} is {@code null} where no ingest statistics are recorded. */
public record SlotSummaryJson(String id, String name, String type, String region, String primaryPop, int totalKbps,
        String status, String statusReason, String live, String createdAt) {
}
