package io.livepush.security;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Argon2id hash in PHC string format, {@code $argon2id$v=19$m=<m>,t=<t>,p=<p>$<salt>$<hash>}, where salt
 * and hash are standard Base64 without padding.
 *
 * <p>Parsing is strict, because a lenient parser lets two different strings stand for one hash: only version 19,
 * parameters in the order m, t, p, decimal numbers without sign or leading zero, canonical Base64 (no padding, no
 * URL-safe alphabet, unused trailing bits zero), salt of {@value #MIN_SALT_BYTES} to {@value #MAX_BYTES} bytes and
 * hash of {@value #MIN_HASH_BYTES} to {@value #MAX_BYTES} bytes. Parameters must pass {@link Argon2Settings}.
 */
final class Argon2Hash {

    static final int MIN_SALT_BYTES = 8;
    // A shorter output would make a random collision with a guessed password affordable.
    static final int MIN_HASH_BYTES = 16;
    static final int MAX_BYTES = 64;

    private static final int MAX_ENCODED_LENGTH = 256;
    private static final String NUMBER = "(0|[1-9][0-9]{0,9})";
    private static final String BASE64 = "([A-Za-z0-9+/]+)";
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=" + NUMBER + ",t=" + NUMBER + ",p=" + NUMBER + "\\$" + BASE64 + "\\$" + BASE64);
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private final Argon2Settings settings;
    private final byte[] salt;
    private final byte[] hash;

    Argon2Hash(Argon2Settings settings, byte[] salt, byte[] hash) {
        this.settings = settings;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /**
     * Parses a PHC string.
     *
     * @param encoded the stored string, may be {@code null}
     * @return the parsed hash, or empty if the string is not a well-formed Argon2id hash within bounds
     */
    static Optional<Argon2Hash> tryParse(String encoded) {
        if (encoded == null || encoded.length() > MAX_ENCODED_LENGTH) {
            return Optional.empty();
        }
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        long memory = Long.parseLong(m.group(1));
        long iterations = Long.parseLong(m.group(2));
        long parallelism = Long.parseLong(m.group(3));
        if (memory > Integer.MAX_VALUE || iterations > Integer.MAX_VALUE || parallelism > Integer.MAX_VALUE
                || !Argon2Settings.isValid((int) memory, (int) iterations, (int) parallelism)) {
            return Optional.empty();
        }
        Optional<byte[]> salt = decode(m.group(4), MIN_SALT_BYTES);
        Optional<byte[]> hash = decode(m.group(5), MIN_HASH_BYTES);
        if (salt.isEmpty() || hash.isEmpty()) {
            return Optional.empty();
        }
        var settings = new Argon2Settings((int) memory, (int) iterations, (int) parallelism);
        return Optional.of(new Argon2Hash(settings, salt.get(), hash.get()));
    }

    private static Optional<byte[]> decode(String text, int minBytes) {
        if (text.length() % 4 == 1) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(text);
        // Java's decoder ignores non-zero unused trailing bits; re-encoding rejects such non-canonical text.
        if (bytes.length < minBytes || bytes.length > MAX_BYTES || !ENCODER.encodeToString(bytes).equals(text)) {
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    Argon2Settings settings() {
        return settings;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] hash() {
        return hash.clone();
    }

    int saltLength() {
        return salt.length;
    }

    int hashLength() {
        return hash.length;
    }

    /** Returns the PHC string, the inverse of {@link #tryParse}. */
    String encode() {
        return "$argon2id$v=19$m=" + settings.memoryKib() + ",t=" + settings.iterations() + ",p="
                + settings.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Overwrites the hash bytes held by this instance. */
    void wipe() {
        Arrays.fill(hash, (byte) 0);
    }
}
