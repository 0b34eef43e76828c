package io.livepush.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Comparison and generation of secrets: slot IDs, API tokens and the like.
 *
 * <p>Guarantees: comparisons take time independent of where two values first differ, and random values come from
 * one shared {@link SecureRandom}, which is thread-safe. No method logs or echoes a secret.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /**
     * Compares two secrets by their UTF-8 bytes with {@link MessageDigest#isEqual}, in time that depends on the length
     * of {@code presented} but not on the content of either. Pass the untrusted value first, so the timing reveals
     * nothing about the expected secret, not even its length.
     *
     * @param presented the value a client sent, may be {@code null}
     * @param expected  the secret it must equal, may be {@code null}
     * @return {@code true} if both are non-null and equal; a missing value never matches, not even another one
     */
    public static boolean constantTimeEquals(String presented, String expected) {
        if (presented == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns random bytes as lower-case hex, e.g. 16 bytes give a 32-character slot ID with 128 bits of entropy.
     *
     * @param bytes number of random bytes, at least 1
     * @return {@code 2 * bytes} characters from {@code [0-9a-f]}
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public static String randomHex(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    /**
     * Returns random bytes as URL-safe Base64 without padding (RFC 4648 §5), fit for URLs, headers and cookies.
     *
     * @param bytes number of random bytes, at least 1
     * @return {@code ceil(4 * bytes / 3)} characters from {@code [A-Za-z0-9_-]}
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public static String randomToken(int bytes) {
        return URL_ENCODER.encodeToString(randomBytes(bytes));
    }

    static byte[] randomBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("'" + bytes + "' is not a positive number of bytes");
        }
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }
}
