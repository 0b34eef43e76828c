package io.livepush.mediavault;

/**
 * Why a MediaVault check rejected a request: exactly the reason codes of reference/mediavault.md §15.
 * <p>
 * The code is for the debug log only. The client always gets the slot's deny status with no hint of which check
 * failed, and neither the token nor the signed string is ever logged next to the code.
 */
public enum MediaVaultReason {

    /** The object needs a token and the request carries none (no {@code h}, no usable cookie). */
    MV_MISSING,

    /** The token is syntactically wrong: bad {@code h}, duplicated or trailing terms, bad numbers or addresses. */
    MV_MALFORMED,

    /** The digest matches neither the primary nor the secondary secret (a hard failure: no cookie fallback). */
    MV_HASH,

    /** {@code now} is before {@code s} (minus the clock skew). */
    MV_NOT_YET,

    /** {@code now} is after {@code e} or {@code cf} (plus the clock skew). */
    MV_EXPIRED,

    /** The client address is not covered by the token's {@code ip} rule. */
    MV_IP,

    /** The {@code Referer} host does not satisfy the token's {@code r} list (or is missing in strict mode). */
    MV_REFERRER,

    /** Cookie mode: the request path matches none of the token's {@code cp} patterns. */
    MV_PATH;

    /**
     * Returns whether this is a time failure, the only kind after which a cookie may still authorise the request
     * (reference/mediavault.md §3).
     */
    boolean isSoft() {
        return this == MV_NOT_YET || this == MV_EXPIRED;
    }
}
