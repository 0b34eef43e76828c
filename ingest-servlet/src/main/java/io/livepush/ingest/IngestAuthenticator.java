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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
 * An encoder that keeps publishing never waits for a check again: a request answered from an entry past its renewal
 * time (half the {@code TTL} and up to a quarter more, spread by the key so that encoders verified together are not
 * renewed together) has the check made again in the background, and the entry renewed, before it expires. Only an
 * encoder silent for the second half of the {@code TTL} is checked while its request waits.
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
    /** The keys whose renewal is queued or running. */
    private final Set<String> renewing = ConcurrentHashMap.newKeySet();
    private final SlowCheckLimit slowChecks;
    private final Executor renewals;

    private record Verified(String slotId, String username, String hash, Instant renewAfter, Instant expires) {
    }

    /**
     * @param renewals runs the background renewals of entries still in use (one thread is enough: a renewal is due long
     *                 before its entry expires)
     */
    public IngestAuthenticator(PasswordHasher hasher, Clock clock, Executor renewals) {
        this(hasher, hasher::verify, clock, SlowCheckLimit.perCpu(), renewals);
    }

    /**
     * @param verifier   checks a password against a stored hash; {@code hasher::verify} except in tests, which count
     *                   the slow verifications through it ({@link PasswordHasher} is final)
     * @param slowChecks how many slow verifications may run at once ({@link SlowCheckLimit#perCpu()} in production);
     *                   renewals take their turn with the rest
     */
    IngestAuthenticator(PasswordHasher hasher, BiPredicate<char[], String> verifier, Clock clock,
            SlowCheckLimit slowChecks, Executor renewals) {
        this.verifier = verifier;
        this.clock = clock;
        this.slowChecks = slowChecks;
        this.renewals = renewals;
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
        Verified cached = cached(key, hash);
        if (cached != null) {
            if (!clock.instant().isBefore(cached.renewAfter()) && renewing.add(key)) {
                renew(slot.id(), key, credentials.get(), hash);
            }
            return Optional.of(username);
        }
        return slowChecks.run(() -> {
            if (cached(key, hash) != null) {
                return Optional.of(username);
            }
            // Inside the turn: a request waiting for it with the same header then finds this check.
            return check(slot == null ? null : slot.id(), key, credentials.get(), hash)
                    ? Optional.of(username) : Optional.empty();
        });
    }

    /** The entry of {@code key} when it was verified against {@code hash} less than {@link #TTL} ago; else null. */
    private Verified cached(String key, String hash) {
        if (key == null || hash == null) {
            return null;
        }
        Verified cached = verified.get(key);
        return cached != null && cached.hash().equals(hash) && clock.instant().isBefore(cached.expires()) ? cached
                : null;
    }

    /** Checks the password slowly and remembers a success; a {@code hash} of null checks against the decoy hash. */
    private boolean check(String slotId, String key, BasicCredentials credentials, String hash) {
        char[] password = credentials.password().toCharArray();
        if (!verifier.test(password, hash == null ? decoyHash : hash) || hash == null) {
            return false;
        }
        if (verified.size() >= MAX_ENTRIES) {
            // Bounded by clearing: rare (only with more than 10 000 live credentials) and costs one re-hash each.
            verified.clear();
        }
        Instant now = clock.instant();
        verified.put(key, new Verified(slotId, credentials.username(), hash, now.plus(renewalAge(key)), now.plus(TTL)));
        return true;
    }

    /** Checks {@code key} again in the background, renewing its entry; a failed check drops it. */
    private void renew(String slotId, String key, BasicCredentials credentials, String hash) {
        try {
            renewals.execute(() -> {
                try {
                    if (!slowChecks.run(() -> check(slotId, key, credentials, hash))) {
                        verified.remove(key);
                    }
                } finally {
                    renewing.remove(key);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // live.war is stopping; the entry expires on its own.
            renewing.remove(key);
        }
    }

    /** When the entry of {@code key} is due for renewal: half the TTL and up to a quarter more, spread by the key. */
    private static Duration renewalAge(String key) {
        long halfMillis = TTL.toMillis() / 2;
        return Duration.ofMillis(halfMillis + Math.floorMod(key.hashCode(), halfMillis / 2 + 1));
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
