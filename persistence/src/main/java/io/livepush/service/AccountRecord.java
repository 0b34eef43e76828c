package io.livepush.service;

import io.livepush.domain.SlotType;
import java.time.Instant;
import java.util.Map;

/** An account as services return it. */
public record AccountRecord(String shortname, String displayName, int livePushKbps,
        Map<SlotType, Integer> entitlements, Instant createdAt) {

    public AccountRecord {
        entitlements = Map.copyOf(entitlements);
    }
}
