package io.livepush.admin.api.json;

import java.util.List;

/** Used and available slots per type, and Live Push kbps provisioned and available. */
public record EntitlementsJson(String account, List<TypeJson> types, int kbpsCapacity, int kbpsProvisioned,
        int kbpsAvailable) {

    /** One slot type's counts. */
    public record TypeJson(String type, int entitled, int used, int available) {
    }
}
