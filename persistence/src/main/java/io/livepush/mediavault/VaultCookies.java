package io.livepush.mediavault;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Minting of the {@code _llnw_hashsecret} cookie (reference/mediavault.md §11).
 * <p>
 * Value: {@code p=<n>&e=<e>&cd=<cd>&cf=<cf>} (p only when the token had one), then {@code ip}, {@code r} and
 * {@code cp} copied from the original token when present (escaped for a cookie), then {@code &h=} + MD5 of
 * {@code secret + B + "=" + <those terms>}, where B is the first p characters of the current U. Attributes:
 * {@code Path} (the path part of B, cut back to its last {@code /}), {@code Expires} ({@code e + 120 s}),
 * {@code HttpOnly}, and on HTTPS {@code Secure; SameSite=None}. {@code ci} never goes into the cookie.
 */
final class VaultCookies {

    /** The name emitted, and preferred on input. */
    static final String NAME = "_llnw_hashsecret";

    /** The name used by Limelight's RTS code, accepted on input. */
    static final String ALTERNATE_NAME = "__llnw_hashsecret";

    /** Seconds the browser keeps the cookie beyond its {@code e}. */
    static final long EXPIRES_GRACE_SECONDS = 120;

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private VaultCookies() {
    }

    /** Returns whether a cookie of this name may carry a MediaVault token. */
    static boolean isVaultCookie(String name) {
        return NAME.equals(name) || ALTERNATE_NAME.equals(name);
    }

    /** Strips the optional double quotes of an RFC 6265 cookie value. */
    static String unquote(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value == null ? "" : value;
    }

    /** Returns {@code now + delta}, but never later than {@code limit} (and without overflowing). */
    static long expiry(long now, long delta, long limit) {
        return delta >= limit - now ? limit : now + delta;
    }

    /**
     * Returns the {@code Set-Cookie} header value for a cookie with the given terms.
     *
     * @param secret       the primary secret
     * @param url          the request URL (scheme and authority)
     * @param base         U of the current request (after path-based normalisation)
     * @param source       the validated token whose {@code p}, {@code cd}, {@code cf}, {@code ip}, {@code r},
     *                     {@code cp} are carried over
     * @param cookieExpiry the new {@code e}
     */
    static String setCookie(byte[] secret, RequestUrl url, String base, TokenTerms source, long cookieExpiry) {
        StringBuilder terms = new StringBuilder(96);
        if (source.prefix() != TokenTerms.ABSENT) {
            terms.append("p=").append(source.prefix()).append('&');
        }
        terms.append("e=").append(cookieExpiry).append("&cd=").append(source.cookieDuration())
                .append("&cf=").append(source.cookieFinal());
        appendCopied(terms, "ip", source.rawIp());
        appendCopied(terms, "r", source.rawReferrers());
        appendCopied(terms, "cp", source.rawCookiePaths());
        String prefix = RequestUrl.prefixOf(base, source.prefix());
        String signed = terms.toString();
        String digest = TokenDigests.hex(TokenDigests.md5(secret, prefix, "=", signed));
        StringBuilder header = new StringBuilder(192).append(NAME).append('=').append(signed).append("&h=")
                .append(digest).append("; Path=").append(cookiePath(prefix, url.originLength()))
                .append("; Expires=").append(HTTP_DATE.format(Instant.ofEpochSecond(
                        cookieExpiry + EXPIRES_GRACE_SECONDS))).append("; HttpOnly");
        if (url.isSecure()) {
            header.append("; Secure; SameSite=None");
        }
        return header.toString();
    }

    private static void appendCopied(StringBuilder terms, String name, String rawValue) {
        if (rawValue != null) {
            terms.append('&').append(name).append('=').append(PercentEncoding.escapeForCookie(rawValue));
        }
    }

    /**
     * Returns the path part of {@code prefix}, cut back to its last {@code /} (and before anything a {@code Path}
     * attribute cannot hold); {@code /} when the prefix ends before the path.
     */
    static String cookiePath(String prefix, int originLength) {
        if (prefix.length() <= originLength) {
            return "/";
        }
        String path = prefix.substring(originLength);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ';') {
                path = path.substring(0, i);
                break;
            }
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "/" : path.substring(0, slash + 1);
    }
}
