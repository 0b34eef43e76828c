package io.livepush.mediavault;

/**
 * The {@code r} rule (reference/mediavault.md §9): the host of the {@code Referer} header must equal one of the
 * comma-separated domains or end with {@code "." + domain}, without regard to case. The label boundary keeps
 * {@code evilexample.com} out of {@code r=example.com}.
 */
final class ReferrerRules {

    private ReferrerRules() {
    }

    /**
     * Returns whether {@code referer} satisfies {@code domains}. A missing or unparsable header passes unless
     * {@code strict}.
     */
    static boolean allows(String domains, String referer, boolean strict) {
        String host = hostOf(referer);
        if (host == null) {
            return !strict;
        }
        int start = 0;
        while (start <= domains.length()) {
            int comma = domains.indexOf(',', start);
            int end = comma < 0 ? domains.length() : comma;
            String domain = domains.substring(start, end).trim();
            if (!domain.isEmpty() && matches(host, domain)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean matches(String host, String domain) {
        int offset = host.length() - domain.length();
        if (offset < 0 || !host.regionMatches(true, offset, domain, 0, domain.length())) {
            return false;
        }
        return offset == 0 || host.charAt(offset - 1) == '.';
    }

    /** Returns the host of an absolute URL, without user info, port or trailing dot; {@code null} if there is none. */
    static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            return null;
        }
        int start = schemeEnd + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close < 0 ? "" : authority.substring(1, close);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? null : host;
    }
}
