package io.livepush.service;

import io.livepush.domain.SlotLifecycle;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.net.AddressRules;
import java.util.List;
import java.util.Map;

/**
 * Everything an ingest node needs to serve one slot without asking the database: pre-parsed address rules, the
 * credential hashes and the MediaVault settings with their secrets. Only ingest nodes receive this record; the portal
 * and the API never do. {@link #toString()} shows no hash and no secret.
 *
 * @param credentialHashes user name → slow salted password hash
 * @param popNames         the PoPs whose nodes serve the slot (primary, and backup when used)
 * @param lowLatency       the slot's "Low latency" setting: objects readable while they upload, LL-HLS playlists
 */
public record SlotRules(String slotId, String shortname, String name, SlotLifecycle lifecycle, List<String> popNames,
        int totalKbps, int segmentDurationMs, int fileExpirySeconds, boolean lowLatency,
        Map<String, String> credentialHashes, AddressRules publishers, AddressRules viewers,
        MediaVaultSettings mediaVault, long configVersion) {

    public SlotRules {
        popNames = List.copyOf(popNames);
        credentialHashes = Map.copyOf(credentialHashes);
    }

    /** Whether ingest and playback serve this slot: false once it is being deleted. */
    public boolean isActive() {
        return lifecycle == SlotLifecycle.ACTIVE;
    }

    @Override
    public String toString() {
        return "SlotRules[" + shortname + "/" + name + " (" + slotId + "), " + lifecycle + ", version "
                + configVersion + ", " + credentialHashes.size() + " credential(s)]";
    }
}
