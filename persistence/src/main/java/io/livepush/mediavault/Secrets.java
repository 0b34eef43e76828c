package io.livepush.mediavault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Constant-time handling of shared secrets: never {@code String.equals}, never a secret in a message. */
final class Secrets {

    private Secrets() {
    }

    /** Returns whether two secrets are equal, comparing their bytes in constant time; {@code null} equals only null. */
    static boolean sameSecret(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns what {@code toString} shows in place of a secret. */
    static String redacted(String secret) {
        return secret == null ? "(none)" : "(set)";
    }
}
