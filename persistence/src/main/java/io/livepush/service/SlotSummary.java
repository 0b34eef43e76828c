package io.livepush.service;

import io.livepush.domain.ProvisioningStatus;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import java.time.Instant;

/** One row of the slot list: what the grid shows, without the slot's collections. */
public record SlotSummary(String id, String shortname, String name, SlotType type, Region region,
        String primaryPopName, int totalKbps, int segmentDurationMs, ProvisioningStatus status, String statusReason,
        Instant createdAt) {
}
