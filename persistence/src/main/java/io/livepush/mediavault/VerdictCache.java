package io.livepush.mediavault;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Remembers MediaVault allows, so that a viewer who presents the same token on every request of a session is not
 * hashed again each time (issue 15). Never allows a request that {@link MediaVaultVerifier#check} would refuse, and
 * answers every request exactly as the verifier does.
 * <p>
 * What is cached: only allows earned by a valid query, path or legacy token outside {@link MediaVaultMode#COOKIE}
 * mode. Refusals are never cached (they would make the cache an amplifier for garbage tokens and their answer may
 * change as the clock moves either way), nor are allows of objects the mode does not protect (in
 * {@link MediaVaultMode#URL} mode that depends on the playlist's content), nor cookie-mode allows (each mints a cookie
 * whose expiry is computed from {@code now}).
 * <p>
 * Key: the verifier instance (by identity), the token string (the query, or the path token's terms followed by the
 * query: signed terms, {@code h} and the unsigned rest) and the client address. The entry, a {@link TokenGrant}, also
 * records the signed prefix, the {@code Referer} when the token has an {@code r} rule, and the token's {@code s} and
 * {@code e}. A lookup counts as a hit only when the request's prefix and {@code Referer} match and {@code now} (the
 * same {@code now} the verifier would use) is inside the window, tested with the verifier's own comparisons; an expired
 * entry is dropped when found. Everything else the verifier reads — secrets, mode, skew, strict referrer, path-based
 * marker, legacy switch — belongs to the verifier instance, which is part of the key: a slot's new rules build a new
 * verifier (live.war's {@code SlotDirectory} makes a new {@code LiveSlot} for every changed slot), whose requests
 * never see the old one's entries; those age out.
 * <p>
 * Bounded: two generations of at most half of {@code maxEntries} each (rounded up). New allows go into the current
 * generation; when it is full it becomes the previous one and the older is dropped whole; a hit in the previous
 * generation moves to the current one. No locks: concurrent lookups and stores may lose an entry during a rotation,
 * which costs one more check, never a wrong answer. With {@code maxEntries} 0 every request goes to the verifier.
 */
public final class VerdictCache {

    private final int generationSize;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile Generations generations = new Generations(new ConcurrentHashMap<>(),
            new ConcurrentHashMap<>());

    /**
     * Creates a cache.
     *
     * @param maxEntries how many allows to keep at most; 0 turns the cache off
     * @throws IllegalArgumentException if {@code maxEntries} is negative
     */
    public VerdictCache(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("A verdict cache holds 0 or more entries (was " + maxEntries + ")");
        }
        this.generationSize = maxEntries == 0 ? 0 : (maxEntries + 1) / 2;
    }

    /**
     * Checks {@code request} with {@code verifier}, from a remembered allow when one holds.
     *
     * @see MediaVaultVerifier#check(MediaVaultRequest, Predicate, long)
     */
    public Verdict check(MediaVaultVerifier verifier, MediaVaultRequest request, Predicate<String> isMasterPlaylist,
            long now) {
        MediaVaultMode mode = verifier.settings().mode();
        if (generationSize == 0 || mode == MediaVaultMode.NONE || mode.usesCookies()) {
            return verifier.check(request, isMasterPlaylist, now);
        }
        MediaVaultVerifier.Located located = verifier.locate(request.url());
        String query = located.query();
        if (located.token().malformed() || query.isEmpty()) {
            return verifier.check(located, request, isMasterPlaylist, now).verdict();
        }
        Key key = new Key(verifier, query, request.clientAddress());
        long skew = verifier.settings().clockSkewSeconds();
        if (holds(key, located, request, now, skew)) {
            hits.increment();
            return Verdict.allow(located.path(), null);
        }
        misses.increment();
        MediaVaultVerifier.Checked checked = verifier.check(located, request, isMasterPlaylist, now);
        if (checked.grant() != null) {
            store(key, checked.grant());
        }
        return checked.verdict();
    }

    /** The number of checks answered from the cache. */
    public long hits() {
        return hits.sum();
    }

    /** The number of cacheable checks that went to the verifier. */
    public long misses() {
        return misses.sum();
    }

    /** The number of allows held now. */
    public int size() {
        Generations current = generations;
        return current.current().size() + current.previous().size();
    }

    private boolean holds(Key key, MediaVaultVerifier.Located located, MediaVaultRequest request, long now,
            long skew) {
        Generations current = generations;
        TokenGrant grant = current.current().get(key);
        boolean young = grant != null;
        if (!young) {
            grant = current.previous().get(key);
            if (grant == null) {
                return false;
            }
        }
        if (grant.isExpired(now, skew)) {
            (young ? current.current() : current.previous()).remove(key, grant);
            return false;
        }
        boolean holds = grant.holdsFor(located.url().base(located.path()), request.referer(), now, skew);
        if (holds && !young) {
            store(key, grant);
        }
        return holds;
    }

    private void store(Key key, TokenGrant grant) {
        Generations current = generations;
        current.current().put(key, grant);
        if (current.current().size() >= generationSize) {
            generations = new Generations(new ConcurrentHashMap<>(), current.current());
        }
    }

    @Override
    public String toString() {
        return "VerdictCache[maxEntries=" + generationSize * 2 + ", size=" + size() + "]";
    }

    /** The current generation, which takes new entries, and the previous one, which is only read and emptied. */
    private record Generations(Map<Key, TokenGrant> current, Map<Key, TokenGrant> previous) {
    }

    /** The verifier (identity: it has no {@code equals}), the token string and the client address. */
    private record Key(MediaVaultVerifier verifier, String tokenString, String clientAddress) {

        @Override
        public String toString() {
            return "Key[(token hidden)]";
        }
    }
}
