package io.livepush.store;

import java.util.Locale;

/**
 * The product's MariaDB Connector/J time-outs, so that a database that stops answering (stopped, partitioned, hung)
 * costs a request seconds, not minutes: {@value #CONNECT_TIMEOUT_MS} ms to open a connection and
 * {@value #SOCKET_TIMEOUT_MS} ms for any one answer of the server. The driver's own defaults are 30 s to connect and
 * no limit at all on an answer, which is how a request once hung for a minute.
 * <p>
 * An option the operator wrote into the JDBC URL wins: {@link #applyTo(String)} only adds what the URL does not say.
 * The shipped context files set the same values as DBCP {@code connectionProperties}.
 */
public final class ConnectionTimeouts {

    /** Milliseconds to establish a connection. */
    public static final int CONNECT_TIMEOUT_MS = 5_000;

    /** Milliseconds to wait for any answer on an open connection. */
    public static final int SOCKET_TIMEOUT_MS = 10_000;

    private ConnectionTimeouts() {
    }

    /** {@code jdbcUrl} with {@code connectTimeout} and {@code socketTimeout} added where it does not set them. */
    public static String applyTo(String jdbcUrl) {
        String url = jdbcUrl;
        url = withDefault(url, "connectTimeout", CONNECT_TIMEOUT_MS);
        url = withDefault(url, "socketTimeout", SOCKET_TIMEOUT_MS);
        return url;
    }

    private static String withDefault(String url, String option, int value) {
        int query = url.indexOf('?');
        if (query >= 0) {
            String lower = url.substring(query).toLowerCase(Locale.ROOT);
            String key = option.toLowerCase(Locale.ROOT) + "=";
            if (lower.startsWith("?" + key) || lower.contains("&" + key)) {
                return url;
            }
        }
        String separator = query < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&";
        return url + separator + option + "=" + value;
    }
}
