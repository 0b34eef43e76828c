package io.livepush.testing;

import io.livepush.store.Database;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * One throw-away schema on the test server, with a pooled {@link DataSource}. {@link #close()} closes the pool and
 * drops the schema.
 */
public final class TestSchema implements AutoCloseable {

    private final String name;
    private final String jdbcUrl;
    private final MariaDbPoolDataSource dataSource;
    private final Consumer<String> dropper;

    TestSchema(String name, String jdbcUrl, Consumer<String> dropper) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.dropper = dropper;
        try {
            String separator = jdbcUrl.contains("?") ? "&" : "?";
            this.dataSource = new MariaDbPoolDataSource(jdbcUrl + separator + "maxPoolSize=8&minPoolSize=0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a pool on " + name, e);
        }
    }

    /** The schema's name, e.g. {@code lp_test_0a1b2c3d4e}. */
    public String name() {
        return name;
    }

    /** A JDBC URL that selects this schema. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user the URL logs in as ({@code user=} of its query), for tools that take it apart from the URL. */
    public String user() {
        return queryValue("user");
    }

    /** The password the URL logs in with ({@code password=} of its query), empty when there is none. */
    public String password() {
        return queryValue("password");
    }

    private String queryValue(String name) {
        int query = jdbcUrl.indexOf('?');
        if (query >= 0) {
            for (String pair : jdbcUrl.substring(query + 1).split("&")) {
                if (pair.startsWith(name + "=")) {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Migrates the schema with Flyway and opens it with Hibernate validating the mapping. */
    public Database openDatabase() {
        return Database.open(dataSource, true);
    }

    @Override
    public void close() {
        dataSource.close();
        dropper.accept("DROP DATABASE IF EXISTS " + name);
    }
}
