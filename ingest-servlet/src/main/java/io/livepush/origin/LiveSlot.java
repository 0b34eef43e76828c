package io.livepush.origin;

import io.livepush.mediavault.MediaVaultVerifier;
import io.livepush.service.SlotRules;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A slot this node serves: its rules as last loaded, its storage directory and the MediaVault verifier built from
 * those rules. Immutable; a reload replaces it, so the verifier is built once per slot version and never per request.
 * Playback's MediaVault verdict cache keys its entries by the verifier instance, so new rules never meet verdicts
 * reached under the old ones.
 *
 * @param verifier applies {@link SlotRules#mediaVault()} to playback requests; its clock is not used (the playback
 *                 filter passes {@code now} from the origin's clock)
 */
public record LiveSlot(SlotRules rules, Path directory, MediaVaultVerifier verifier) {

    public LiveSlot {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(verifier, "verifier");
    }

    /** A slot whose verifier is built from its own MediaVault settings. */
    public LiveSlot(SlotRules rules, Path directory) {
        this(rules, directory, new MediaVaultVerifier(rules.mediaVault()));
    }

    public String shortname() {
        return rules.shortname();
    }

    public String name() {
        return rules.name();
    }

    public String id() {
        return rules.slotId();
    }

    /** The slot's "Low latency" setting: objects readable while they upload, LL-HLS playlists (issue 12). */
    public boolean lowLatency() {
        return rules.lowLatency();
    }
}
