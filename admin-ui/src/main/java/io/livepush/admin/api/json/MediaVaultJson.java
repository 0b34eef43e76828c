package io.livepush.admin.api.json;

/** A slot's MediaVault settings as the API shows them: whether secrets are set, never their values. */
public record MediaVaultJson(String mode, boolean primarySecretSet, boolean secondarySecretSet, int denyStatus,
        boolean pathBased, String pathToken, String pathDelim, boolean strictReferrer, int clockSkewSeconds) {
}
