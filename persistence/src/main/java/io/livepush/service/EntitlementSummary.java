package io.livepush.service;

import io.livepush.domain.SlotType;
import java.util.List;

/**
 * What the slot list shows above the grid (SPEC §2): used and available slots per type, and for Live Push the kbps
 * provisioned and still available. Slots being deleted no longer count.
 */
public record EntitlementSummary(String shortname, List<TypeUsage> types, int kbpsCapacity, int kbpsProvisioned) {

    /** The slot counts of one type. */
    public record TypeUsage(SlotType type, int entitled, int used) {

        /** How many more slots of this type can be created (never negative). */
        public int available() {
            return Math.max(0, entitled - used);
        }
    }

    public EntitlementSummary {
        types = List.copyOf(types);
    }

    /** Live Push kbps that new slots may still use (never negative). */
    public int kbpsAvailable() {
        return Math.max(0, kbpsCapacity - kbpsProvisioned);
    }

    /** The usage of {@code type}. */
    public TypeUsage usage(SlotType type) {
        return types.stream().filter(usage -> usage.type() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No usage for " + type));
    }
}
