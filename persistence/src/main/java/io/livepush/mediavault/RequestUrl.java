package io.livepush.mediavault;

import java.util.Locale;

/**
 * A request URL split into the pieces MediaVault hashes (reference/mediavault.md §4): scheme and host lower-cased,
 * the default port ({@code :80} for http, {@code :443} for https) dropped, path and query kept raw. A fragment is
 * dropped; an empty path becomes {@code /}.
 *
 * @param scheme    {@code http} or {@code https} (any scheme is kept as given, lower-cased)
 * @param authority host plus any non-default port
 * @param path      raw path, starting with {@code /}
 * @param query     raw query without {@code ?}; empty when there is none
 */
record RequestUrl(String scheme, String authority, String path, String query) {

    /**
     * Splits {@code url}.
     *
     * @throws IllegalArgumentException if {@code url} has no {@code scheme://}
     */
    static RequestUrl parse(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("'" + pathOnly(url) + "' is not an absolute URL");
        }
        int hostStart = schemeEnd + 3;
        int pathStart = hostStart;
        while (pathStart < url.length() && "/?#".indexOf(url.charAt(pathStart)) < 0) {
            pathStart++;
        }
        int fragment = url.indexOf('#', pathStart);
        int end = fragment < 0 ? url.length() : fragment;
        int question = url.indexOf('?', pathStart);
        int pathEnd = question < 0 || question > end ? end : question;
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String authority = canonicalAuthority(scheme, url.substring(hostStart, pathStart));
        String path = pathStart == pathEnd ? "/" : url.substring(pathStart, pathEnd);
        String query = pathEnd < end ? url.substring(pathEnd + 1, end) : "";
        return new RequestUrl(scheme, authority, path, query);
    }

    /** Returns {@code scheme://authority} + {@code path}: the U of §4 for that path. */
    String base(String anyPath) {
        return scheme + "://" + authority + anyPath;
    }

    /** Returns U for this URL's own path. */
    String base() {
        return base(path);
    }

    /** Returns the number of characters of U before the path. */
    int originLength() {
        return scheme.length() + 3 + authority.length();
    }

    /** Returns whether the client used TLS. */
    boolean isSecure() {
        return "https".equals(scheme);
    }

    private static String canonicalAuthority(String scheme, String authority) {
        String lower = authority.toLowerCase(Locale.ROOT);
        String defaultPort = switch (scheme) {
            case "http" -> ":80";
            case "https" -> ":443";
            default -> null;
        };
        if (defaultPort != null && lower.endsWith(defaultPort)) {
            return lower.substring(0, lower.length() - defaultPort.length());
        }
        return lower;
    }

    /** Returns B of §4: the first {@code p} characters of {@code base}, or all of it when p is absent, 0 or larger. */
    static String prefixOf(String base, long p) {
        return p > 0 && p < base.length() ? base.substring(0, (int) p) : base;
    }

    /** Returns {@code url} without its query, so no token lands in an exception message. */
    static String pathOnly(String url) {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }
}
