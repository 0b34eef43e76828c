package io.livepush.service;

import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;

/**
 * A slot's MediaVault settings as typed (reference/mediavault.md §2).
 * <p>
 * On an update a {@code null} secret keeps the stored one and an empty secret removes it, because the portal and the
 * API never show stored secrets and so cannot send them back. {@link #toString()} hides the secrets.
 */
public record MediaVaultInput(MediaVaultMode mode, String primarySecret, String secondarySecret, int denyStatus,
        boolean pathBased, String pathToken, String pathDelim, boolean strictReferrer, int clockSkewSeconds) {

    /** MediaVault off, with every other value at its default. */
    public static MediaVaultInput disabled() {
        return new MediaVaultInput(MediaVaultMode.NONE, null, null, MediaVaultSettings.DEFAULT_DENY_STATUS, false,
                MediaVaultSettings.DEFAULT_PATH_TOKEN, MediaVaultSettings.DEFAULT_PATH_DELIM, false, 0);
    }

    @Override
    public String toString() {
        return "MediaVaultInput[mode=" + mode + ", primarySecret=" + (primarySecret == null ? "unchanged" : "****")
                + ", secondarySecret=" + (secondarySecret == null ? "unchanged" : "****") + ", denyStatus="
                + denyStatus + ", pathBased=" + pathBased + "]";
    }
}
