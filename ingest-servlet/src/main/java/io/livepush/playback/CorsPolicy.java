package io.livepush.playback;

import java.util.Locale;
import java.util.Set;

/**
 * Which browser origins may read playback responses (SPEC §5: {@code Access-Control-Allow-Origin: *} by default).
 * <p>
 * With {@link #ANY} every response says {@code *} and carries no credentials flag, which is what CDNs cache best.
 * With a list of origins, a listed {@code Origin} is echoed with {@code Access-Control-Allow-Credentials: true} (so a
 * web player on that origin can send the MediaVault cookie) and responses vary by {@code Origin}. {@link #NONE}
 * sends no CORS header at all. Pure logic: no servlet types.
 *
 * @param any     whether every origin is allowed
 * @param origins the allowed origins when not {@code any}, lower-case, without a trailing {@code /}
 */
public record CorsPolicy(boolean any, Set<String> origins) {

    /** Every origin may read: {@code Access-Control-Allow-Origin: *}. */
    public static final CorsPolicy ANY = new CorsPolicy(true, Set.of());
    /** No CORS headers. */
    public static final CorsPolicy NONE = new CorsPolicy(false, Set.of());

    /** What a preflight may ask for: the methods playback serves. */
    public static final String ALLOW_METHODS = "GET, HEAD, OPTIONS";
    /** Response headers a player may read beyond the CORS-safelisted ones (ranges and revalidation). */
    public static final String EXPOSE_HEADERS = "Content-Length, Content-Range, Accept-Ranges, ETag, Last-Modified";
    /** How long a browser may cache a preflight answer, in seconds. */
    public static final String MAX_AGE = "86400";

    public CorsPolicy {
        origins = Set.copyOf(origins);
    }

    /**
     * Parses {@code *}, {@code none} or a list of origins ({@code https://player.example.com}) separated by spaces or
     * commas.
     *
     * @throws IllegalArgumentException quoting the first entry that is not an origin
     */
    public static CorsPolicy parse(String value) {
        String trimmed = value.trim();
        if ("*".equals(trimmed)) {
            return ANY;
        }
        if ("none".equalsIgnoreCase(trimmed)) {
            return NONE;
        }
        String[] entries = trimmed.split("[\\s,]+");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].toLowerCase(Locale.ROOT);
            if (!isOrigin(entry)) {
                throw new IllegalArgumentException("'" + entries[i] + "' is not '*', 'none' or an origin such as"
                        + " https://player.example.com");
            }
            entries[i] = entry;
        }
        return new CorsPolicy(false, Set.of(entries));
    }

    /** Returns whether {@code text} is {@code http(s)://host[:port]} with no path, query or credentials. */
    static boolean isOrigin(String text) {
        int start = text.startsWith("https://") ? 8 : text.startsWith("http://") ? 7 : -1;
        if (start < 0 || start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == ':'
                    || c == '[' || c == ']';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the {@code Access-Control-Allow-Origin} value for a request, or {@code null} for none.
     *
     * @param requestOrigin the request's {@code Origin} header, may be null
     */
    public String allowOrigin(String requestOrigin) {
        if (any) {
            return "*";
        }
        if (requestOrigin == null || origins.isEmpty()) {
            return null;
        }
        String lower = requestOrigin.toLowerCase(Locale.ROOT);
        return origins.contains(lower) ? requestOrigin : null;
    }

    /** Returns whether an echoed origin comes with {@code Access-Control-Allow-Credentials: true}. */
    public boolean allowsCredentials() {
        return !any && !origins.isEmpty();
    }

    /** Returns whether responses depend on the request's {@code Origin} (and so must say {@code Vary: Origin}). */
    public boolean variesByOrigin() {
        return allowsCredentials();
    }

    /**
     * Returns the {@code Access-Control-Allow-Headers} for a preflight: the requested list when it is a plain list of
     * header names (playback content is public, so any request header may be sent), else {@code null}.
     */
    public static String allowHeaders(String requestedHeaders) {
        if (requestedHeaders == null || requestedHeaders.isBlank() || requestedHeaders.length() > 1024) {
            return null;
        }
        for (int i = 0; i < requestedHeaders.length(); i++) {
            char c = requestedHeaders.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_' || c == ',' || c == ' ';
            if (!allowed) {
                return null;
            }
        }
        return requestedHeaders;
    }
}
