package io.livepush.mediavault;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What MediaVault needs to know about one playback request, free of any servlet type.
 * <p>
 * Build the URL with {@link #url(String, String, int, String, String)} from the raw, undecoded request URI and
 * query string (never from decoded parameters: reference/mediavault.md §16). {@link #toString()} shows neither the
 * query nor cookie values, because both carry tokens.
 *
 * @param url           the full request URL: {@code scheme://host[:port]/raw/path[?raw query]}; host case and a
 *                      default port are normalised when it is checked
 * @param clientAddress the TCP peer address as the container reports it ({@code getRemoteAddr()}); may be null
 * @param referer       the {@code Referer} header, or {@code null} when absent
 * @param cookies       the request's cookies in the order the client sent them; never null (null becomes empty)
 */
public record MediaVaultRequest(String url, String clientAddress, String referer, List<Cookie> cookies) {

    /** Validates the URL's presence and copies the cookie list. */
    public MediaVaultRequest {
        Objects.requireNonNull(url, "url");
        cookies = cookies == null ? List.of() : List.copyOf(cookies);
    }

    /** Returns a request without cookies. */
    public static MediaVaultRequest of(String url, String clientAddress, String referer) {
        return new MediaVaultRequest(url, clientAddress, referer, List.of());
    }

    /**
     * Assembles the URL MediaVault hashes: scheme and host lower-cased, the port left out when it is the scheme's
     * default, an IPv6 host put in brackets.
     *
     * @param scheme   {@code getScheme()}
     * @param host     {@code getServerName()} (the {@code Host} header's host)
     * @param port     {@code getServerPort()}; 0 or less for none
     * @param rawPath  {@code getRequestURI()}, undecoded
     * @param rawQuery {@code getQueryString()}, undecoded; {@code null} or empty for none
     * @return the absolute URL
     */
    public static String url(String scheme, String host, int port, String rawPath, String rawQuery) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(128).append(lowerScheme).append("://");
        String lowerHost = host.toLowerCase(Locale.ROOT);
        boolean bareIpv6 = lowerHost.indexOf(':') >= 0 && !lowerHost.startsWith("[");
        url.append(bareIpv6 ? "[" + lowerHost + "]" : lowerHost);
        boolean defaultPort = port == 80 && "http".equals(lowerScheme) || port == 443 && "https".equals(lowerScheme);
        if (port > 0 && !defaultPort) {
            url.append(':').append(port);
        }
        url.append(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            url.append('?').append(rawQuery);
        }
        return url.toString();
    }

    /**
     * Splits a {@code Cookie} request header ({@code a=1; b=2}) into cookies, in order; parts without {@code =} are
     * skipped. For callers and tests that see the raw header rather than parsed cookies.
     */
    public static List<Cookie> parseCookieHeader(String header) {
        List<Cookie> cookies = new ArrayList<>();
        if (header == null) {
            return cookies;
        }
        for (String part : header.split(";")) {
            String pair = part.trim();
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.add(new Cookie(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim()));
            }
        }
        return cookies;
    }

    @Override
    public String toString() {
        return "MediaVaultRequest[url=" + RequestUrl.pathOnly(url) + ", clientAddress=" + clientAddress
                + ", referer=" + (referer == null ? null : RequestUrl.pathOnly(referer)) + ", cookies="
                + cookies.stream().map(Cookie::name).toList() + "]";
    }

    /**
     * One request cookie. {@link #toString()} hides the value, which may be a MediaVault token.
     *
     * @param name  the cookie name
     * @param value the cookie value as sent (optional double quotes are tolerated)
     */
    public record Cookie(String name, String value) {

        /** Requires a name. */
        public Cookie {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "Cookie[name=" + name + ", value=(hidden)]";
        }
    }
}
