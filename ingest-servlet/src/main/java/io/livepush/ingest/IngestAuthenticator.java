package io.livepush.ingest;

import io.livepush.origin.LiveSlot;
import io.livepush.security.PasswordHasher;
import io.livepush.security.SlowCheckLimit;
import io.livepush.service.SlotRules;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an encoder's Basic credentials against a slot's slow salted password hashes (SPEC §4).
 * <p>
 * A slow hash per segment would burn the CPU, so a successful check is remembered for {@link #TTL}, keyed by an
 * HMAC (with a random per-process key) of the slot and the whole header: the cache never holds a password, and a
 * cached entry only counts while the slot still has the same hash for that user, so removing or changing a
 * credential takes effect at the next reload. The cache holds at most {@value #MAX_ENTRIES} entries. A request for
 * an unknown slot or user is checked against a decoy hash, so the time taken does not tell whether the slot exists.
 * <p>
 * At most one slow check per CPU runs at a time ({@link SlowCheckLimit}): many encoders' cached checks expire together
 * when they were verified together after a restart. A request that waited for its turn finds a check of the same
 * header that finished meanwhile in the cache.
 */
public final class IngestAuthenticator {

    /** How long a verified header is trusted without hashing again. */
    public static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private static final String HMAC = "HmacSHA256";

    private final BiPredicate<char[], String> verifier;
    private final Clock clock;
    private final Mac cacheMac;
    private final String decoyHash;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final SlowCheckLimit slowChecks;

    private record Verified(String slotId, String username, String hash, Instant expires) {
    }

    public IngestAuthenticator(PasswordHasher hasher, Clock clock) {
        this(hasher, hasher::verify, clock, SlowCheckLimit.perCpu());
    }

    /**
     * @param verifier   checks a password against a stored hash; {@code hasher::verify} except in tests, which count
     *                   the slow verifications through it ({@link PasswordHasher} is final)
     * @param slowChecks how many slow verifications may run at once ({@link SlowCheckLimit#perCpu()} in production)
     */
    IngestAuthenticator(PasswordHasher hasher, BiPredicate<char[], String> verifier, Clock clock,
            SlowCheckLimit slowChecks) {
        this.verifier = verifier;
        this.clock = clock;
        this.slowChecks = slowChecks;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            this.cacheMac = Mac.getInstance(HMAC);
            cacheMac.init(new SecretKeySpec(key, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
        this.decoyHash = hasher.hash("decoy-password-for-unknown-slots".toCharArray());
    }

    /**
     * Returns the user name the header authenticates for {@code slot}, or empty. {@code slot} is {@code null} when the
     * path named no slot served here; the answer is then empty after the same work.
     */
    public Optional<String> authenticate(LiveSlot slot, String authorizationHeader) {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(authorizationHeader);
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        String username = credentials.get().username();
        String hash = slot == null ? null : slot.rules().credentialHashes().get(username);
        String key = slot == null ? null : cacheKey(slot.id(), authorizationHeader);
        if (isCached(key, hash)) {
            return Optional.of(username);
        }
        return slowChecks.run(() -> {
            if (isCached(key, hash)) {
                return Optional.of(username);
            }
            char[] password = credentials.get().password().toCharArray();
            if (!verifier.test(password, hash == null ? decoyHash : hash) || hash == null) {
                return Optional.empty();
            }
            if (verified.size() >= MAX_ENTRIES) {
                // Bounded by clearing: rare (only with more than 10 000 live credentials) and costs one re-hash each.
                verified.clear();
            }
            // Inside the turn: a request waiting for it with the same header then finds this check.
            verified.put(key, new Verified(slot.id(), username, hash, clock.instant().plus(TTL)));
            return Optional.of(username);
        });
    }

    /** Whether {@code key} was verified against {@code hash} less than {@link #TTL} ago. */
    private boolean isCached(String key, String hash) {
        if (key == null || hash == null) {
            return false;
        }
        Verified cached = verified.get(key);
        return cached != null && cached.hash().equals(hash) && clock.instant().isBefore(cached.expires());
    }

    /** Drops what was remembered for a slot whose rules changed. */
    public void forget(SlotRules changed) {
        verified.values().removeIf(entry -> entry.slotId().equals(changed.slotId()));
    }

    int cachedEntries() {
        return verified.size();
    }

    private String cacheKey(String slotId, String header) {
        try {
            // A clone of the keyed prototype: no provider lookup and no key set-up per request (SPEC §12).
            Mac mac = (Mac) cacheMac.clone();
            mac.update(slotId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return Base64.getEncoder().encodeToString(mac.doFinal(header.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The HmacSHA256 implementation cannot be cloned", e);
        }
    }
}
