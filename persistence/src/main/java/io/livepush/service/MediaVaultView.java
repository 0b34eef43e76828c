package io.livepush.service;

import io.livepush.mediavault.MediaVaultMode;

/** A slot's MediaVault settings as the portal and the API show them: whether secrets are set, never their values. */
public record MediaVaultView(MediaVaultMode mode, boolean primarySecretSet, boolean secondarySecretSet,
        int denyStatus, boolean pathBased, String pathToken, String pathDelim, boolean strictReferrer,
        int clockSkewSeconds) {
}
