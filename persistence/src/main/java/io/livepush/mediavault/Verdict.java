package io.livepush.mediavault;

import java.util.Objects;

/**
 * The answer of {@link MediaVaultVerifier} for one request.
 * <p>
 * On {@linkplain #allowed() allow} the caller serves {@link #path()} and, when {@link #setCookie()} is not null,
 * adds it as a {@code Set-Cookie} header (and keeps shared caches from storing that response, §11). On deny it
 * answers {@link #status()} with {@code Cache-Control: no-store}, no cookie and no hint of the reason, and logs
 * {@link #reason()} at debug. {@link #toString()} hides the cookie, which is a bearer token.
 *
 * @param allowed   whether the request may be served
 * @param status    {@link #OK} when allowed, else the slot's deny status
 * @param reason    why it was denied; {@code null} when allowed
 * @param path      the raw request path to serve, with any path-based token segment removed
 * @param setCookie the {@code Set-Cookie} header value to send (cookie mode), or {@code null}
 */
public record Verdict(boolean allowed, int status, MediaVaultReason reason, String path, String setCookie) {

    /** The status of an allowed request (the object itself may still turn out to be missing). */
    public static final int OK = 200;

    /** Checks that an allow has no reason and status {@link #OK}, and a deny a reason and no cookie. */
    public Verdict {
        if (allowed && (reason != null || status != OK)) {
            throw new IllegalArgumentException("An allowed verdict has status " + OK + " and no reason");
        }
        if (!allowed && (reason == null || setCookie != null)) {
            throw new IllegalArgumentException("A denied verdict has a reason and no cookie");
        }
    }

    /** Returns an allow for {@code path}, with an optional {@code Set-Cookie} value. */
    public static Verdict allow(String path, String setCookie) {
        return new Verdict(true, OK, null, path, setCookie);
    }

    /** Returns a deny with the given status and reason. */
    public static Verdict deny(int status, MediaVaultReason reason, String path) {
        return new Verdict(false, status, Objects.requireNonNull(reason, "reason"), path, null);
    }

    /** Returns whether a cookie must be set on the response. */
    public boolean hasSetCookie() {
        return setCookie != null;
    }

    @Override
    public String toString() {
        return "Verdict[allowed=" + allowed + ", status=" + status + ", reason=" + reason + ", path=" + path
                + ", setCookie=" + (setCookie == null ? "(none)" : "(hidden)") + "]";
    }
}
