package io.livepush.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Slow, salted password hashing for publish credentials and admin users: Argon2id (RFC 9106, version 19) computed by
 * BouncyCastle and stored as a PHC string, {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, with a fresh
 * {@value #SALT_BYTES}-byte salt from {@link java.security.SecureRandom} and a {@value #HASH_BYTES}-byte hash, both in
 * standard Base64 without padding. The strings are those of the reference {@code argon2} tool (the tests check known
 * answers from it), so other PHC readers such as libsodium or {@code argon2-cffi} accept them too.
 *
 * <p>Guarantees:
 * <ul>
 * <li>{@link #verify} recomputes with the parameters stored in the string and compares in constant time
 *     ({@link MessageDigest#isEqual}). A stored string that is malformed, not Argon2id version 19, or asks for more
 *     than {@link Argon2Settings} allows (memory over 1 GiB, over 100 passes, over 16 lanes) never matches and never
 *     throws, so a bad row cannot lock the server up or let anyone in.</li>
 * <li>Passwords are encoded as UTF-8. The temporary byte copies of the password and of computed hashes are
 *     overwritten before return; the caller owns, and should clear, the {@code char[]} it passed in.</li>
 * <li>No password appears in any exception message, and nothing is logged.</li>
 * <li>Instances are immutable and thread-safe.</li>
 * </ul>
 *
 * <p>Production code uses {@link #standard()} (the OWASP minimum, {@link Argon2Settings#OWASP}). The constructor
 * taking settings exists for stronger deployments and for tests, which use cheap settings such as
 * {@code m=1024,t=1,p=1} to stay fast.
 *
 * <p>Upgrade on login: call {@link #verifyAndUpgrade}; when it reports a match with a
 * {@link Verification#upgradedHash() upgraded hash}, store that string in place of the old one. This moves stored
 * hashes to the current settings without a password reset.
 */
public final class PasswordHasher {

    /** Salt length of new hashes, in bytes. */
    public static final int SALT_BYTES = 16;

    /** Hash length of new hashes, in bytes. */
    public static final int HASH_BYTES = 32;

    private final Argon2Settings settings;

    /**
     * Creates a hasher that hashes new passwords with the given settings.
     *
     * @param settings cost parameters for new hashes; verification always uses the stored ones
     */
    public PasswordHasher(Argon2Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Returns the hasher production code uses: {@link Argon2Settings#OWASP}.
     *
     * @return a hasher with m=19456, t=2, p=1
     */
    public static PasswordHasher standard() {
        return new PasswordHasher(Argon2Settings.OWASP);
    }

    /**
     * Returns the settings used for new hashes.
     *
     * @return the settings given at construction
     */
    public Argon2Settings settings() {
        return settings;
    }

    /**
     * Hashes a password with a fresh random salt.
     *
     * @param password the password; not modified, the caller should clear it afterwards
     * @return the PHC string to store
     * @throws IllegalArgumentException if the password contains an unpaired surrogate, so it has no UTF-8 form
     */
    public String hash(char[] password) {
        return hash(password, Secrets.randomBytes(SALT_BYTES));
    }

    /** Hashes with a given salt; for known-answer tests only. */
    String hash(char[] password, byte[] salt) {
        Objects.requireNonNull(password, "password");
        byte[] bytes = utf8(password)
                .orElseThrow(() -> new IllegalArgumentException("password is not valid UTF-16 (unpaired surrogate)"));
        byte[] digest = compute(bytes, settings, salt, HASH_BYTES);
        var encoded = new Argon2Hash(settings, salt, digest);
        Arrays.fill(digest, (byte) 0);
        try {
            return encoded.encode();
        } finally {
            encoded.wipe();
        }
    }

    /**
     * Tells whether a password matches a stored hash.
     *
     * @param password the password to check; not modified
     * @param encoded  the stored PHC string, may be {@code null} or malformed
     * @return {@code true} only if {@code encoded} is a well-formed Argon2id hash within bounds and of this password
     */
    public boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        Optional<Argon2Hash> stored = Argon2Hash.tryParse(encoded);
        if (stored.isEmpty()) {
            return false;
        }
        Optional<byte[]> bytes = utf8(password);
        if (bytes.isEmpty()) {
            return false;
        }
        Argon2Hash hash = stored.get();
        byte[] expected = hash.hash();
        byte[] actual = compute(bytes.get(), hash.settings(), hash.salt(), expected.length);
        try {
            return MessageDigest.isEqual(actual, expected);
        } finally {
            Arrays.fill(actual, (byte) 0);
            Arrays.fill(expected, (byte) 0);
            hash.wipe();
        }
    }

    /**
     * Tells whether a stored hash should be replaced by a new one from {@link #hash}: it is not a well-formed
     * Argon2id string within bounds, or its parameters, salt length or hash length differ from this hasher's.
     *
     * @param encoded the stored PHC string, may be {@code null}
     * @return {@code true} if rehashing on the next successful login would change the stored form
     */
    public boolean needsRehash(String encoded) {
        Optional<Argon2Hash> stored = Argon2Hash.tryParse(encoded);
        return stored.isEmpty()
                || !stored.get().settings().equals(settings)
                || stored.get().saltLength() != SALT_BYTES
                || stored.get().hashLength() != HASH_BYTES;
    }

    /**
     * Verifies a password and, if it matches a hash made with other settings, hashes it again with this hasher's.
     *
     * @param password the password to check; not modified
     * @param encoded  the stored PHC string, may be {@code null} or malformed
     * @return the outcome; {@link Verification#upgradedHash()} is present only after a match that needs a rehash
     */
    public Verification verifyAndUpgrade(char[] password, String encoded) {
        if (!verify(password, encoded)) {
            return Verification.REJECTED;
        }
        if (!needsRehash(encoded)) {
            return Verification.MATCHED;
        }
        return new Verification(true, Optional.of(hash(password)));
    }

    private static byte[] compute(byte[] password, Argon2Settings settings, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(settings.memoryKib())
                .withIterations(settings.iterations())
                .withParallelism(settings.parallelism())
                .withSalt(salt)
                .build();
        var generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(password, out);
            return out;
        } finally {
            Arrays.fill(password, (byte) 0);
            parameters.clear();
        }
    }

    /** Encodes strictly (no replacement character), so two different passwords never share a byte form. */
    private static Optional<byte[]> utf8(char[] password) {
        ByteBuffer buffer;
        try {
            buffer = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return Optional.of(bytes);
    }

    /**
     * The outcome of {@link PasswordHasher#verifyAndUpgrade}.
     *
     * <p>Invariant: {@code upgradedHash} is empty whenever {@code matches} is {@code false}, so a caller that stores
     * any present upgraded hash never stores one for a wrong password.
     *
     * @param matches      whether the password matched the stored hash
     * @param upgradedHash a new PHC string to store in place of the old one, present only after a match whose stored
     *                     parameters differ from the hasher's settings
     */
    public record Verification(boolean matches, Optional<String> upgradedHash) {

        static final Verification REJECTED = new Verification(false, Optional.empty());
        static final Verification MATCHED = new Verification(true, Optional.empty());

        /**
         * Checks the invariant.
         *
         * @throws IllegalArgumentException if an upgraded hash is given without a match
         */
        public Verification {
            Objects.requireNonNull(upgradedHash, "upgradedHash");
            if (!matches && upgradedHash.isPresent()) {
                throw new IllegalArgumentException("an upgraded hash requires a match");
            }
        }
    }
}
