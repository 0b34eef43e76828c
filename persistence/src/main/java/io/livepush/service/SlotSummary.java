package io.livepush.service;

import io.livepush.domain.ProvisioningStatus;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import java.time.Instant;

/**
 * One row of the slot list: what the grid shows, without the slot's collections.
 *
 * @param activity whether an encoder is publishing now (Active / Inactive / Error), from the ingest statistics
 */
public record SlotSummary(String id, String shortname, String name, SlotType type, Region region,
        String primaryPopName, int totalKbps, int segmentDurationMs, ProvisioningStatus status, String statusReason,
        LiveActivity activity, Instant createdAt) {
}
