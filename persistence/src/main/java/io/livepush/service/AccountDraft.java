package io.livepush.service;

import io.livepush.domain.SlotType;
import java.util.Map;

/**
 * What an operator types to create or change an account. The shortname is ignored on update (it is in every URL).
 *
 * @param entitlements purchased slot count per type; a missing type means none
 * @param livePushKbps total ingest bitrate the account's Live Push slots may provision
 */
public record AccountDraft(String shortname, String displayName, int livePushKbps,
        Map<SlotType, Integer> entitlements) {

    public AccountDraft {
        entitlements = entitlements == null ? Map.of() : Map.copyOf(entitlements);
    }
}
