package io.livepush.admin.api.json;

/**
 * MediaVault settings as sent to the API. On update a missing (null) secret keeps the stored one and an empty string
 * removes it; missing numbers and flags take their defaults. {@link #toString()} hides the secrets.
 */
public record MediaVaultInputJson(String mode, String primarySecret, String secondarySecret, Integer denyStatus,
        Boolean pathBased, String pathToken, String pathDelim, Boolean strictReferrer, Integer clockSkewSeconds) {

    @Override
    public String toString() {
        return "MediaVaultInputJson[mode=" + mode + ", secrets=****]";
    }
}
