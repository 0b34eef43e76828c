package io.livepush.mediavault;

import java.util.Objects;

/**
 * What an allow earned by a valid token rests on, outside cookie mode: everything of the request that
 * {@link MediaVaultVerifier} read beyond the token string itself, the client address and its own settings.
 * <p>
 * Given the same verifier, the same token string (query terms, or path token terms followed by the query) and the
 * same client address, the verifier reads only these inputs: the signed prefix B of §4 (the first {@code p}
 * characters of the URL, or all of it), the {@code Referer} header when the token has an {@code r} rule, and
 * {@code now} through {@code s} and {@code e} (or the legacy {@code t} end). The {@code ip} rule, the digest and the
 * syntax are functions of the token string and the client address; the mode's question whether the object needs a
 * token at all does not matter, because a valid token allows an unprotected object too. So while {@link #holdsFor}
 * is true, the verifier's answer is again an allow of the request's own path without a cookie.
 *
 * @param signedPrefix the prefix B the digest was checked against
 * @param prefixLength the token's {@code p}, or {@link TokenTerms#ABSENT} (B is then the whole URL)
 * @param start        the token's {@code s}, or {@link TokenTerms#ABSENT}
 * @param end          the token's {@code e} (legacy: the {@code t} end), or {@link TokenTerms#ABSENT}
 * @param readsReferer whether the token has an {@code r} rule, so that the {@code Referer} header was read
 * @param referer      the {@code Referer} header checked; meaningful only when {@code readsReferer}
 */
record TokenGrant(String signedPrefix, long prefixLength, long start, long end, boolean readsReferer,
        String referer) {

    /** The grant of a token that just passed: an {@code h} token's terms, or a legacy {@code t} token's. */
    static TokenGrant of(TokenTerms terms, String base, String referer) {
        if (!terms.hasDigest()) {
            return new TokenGrant(base, TokenTerms.ABSENT, TokenTerms.ABSENT, terms.legacyEnd(), false, null);
        }
        boolean readsReferer = terms.referrers() != null;
        return new TokenGrant(RequestUrl.prefixOf(base, terms.prefix()), terms.prefix(), terms.start(), terms.end(),
                readsReferer, readsReferer ? referer : null);
    }

    /**
     * Whether the verifier would allow again: same signed prefix for this request's U ({@code base}), same
     * {@code Referer} if it was read, and {@code now} inside the time window, tested exactly as the verifier tests it.
     */
    boolean holdsFor(String base, String requestReferer, long now, long skew) {
        return !MediaVaultVerifier.isBeforeStart(start, now, skew) && !isExpired(now, skew)
                && (!readsReferer || Objects.equals(referer, requestReferer))
                && RequestUrl.prefixOf(base, prefixLength).equals(signedPrefix);
    }

    /** Whether the token has ended at {@code now}; with the clock moving forward it never holds again. */
    boolean isExpired(long now, long skew) {
        return MediaVaultVerifier.isAfterEnd(end, now, skew);
    }

    @Override
    public String toString() {
        // The prefix is part of a signed URL but carries no token; the referer stays out of logs.
        return "TokenGrant[prefixLength=" + prefixLength + ", start=" + start + ", end=" + end + ", readsReferer="
                + readsReferer + "]";
    }
}
