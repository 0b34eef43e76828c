package io.livepush.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.model.ConfigState;
import io.livepush.testing.GaleraCluster;
import io.livepush.testing.TestSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Every Flyway migration runs on a Galera cluster whose nodes refuse tables without a primary key and non-InnoDB
 * tables ({@code wsrep_mode=REQUIRED_PRIMARY_KEY,STRICT_REPLICATION}), what one node writes the others read, and a
 * certification failure is recognised as a write conflict worth repeating.
 */
class GaleraMigrationIT {

    @Test
    void everyMigrationRunsOnGaleraAndReplicatesToEveryNode() throws Exception {
        GaleraCluster cluster = GaleraCluster.shared();
        try (TestSchema schema = cluster.freshSchema(); Database database = schema.openDatabase()) {
            assertThat(cluster.clusterSize(cluster.node(1))).isEqualTo("3");
            database.runInTransaction(em -> em.find(ConfigState.class, ConfigState.ROW_ID).advance());
            for (int node = 1; node <= GaleraCluster.SIZE; node++) {
                assertThat(configVersion(cluster.node(node).serverUrl() + "/" + schema.name()))
                        .as("config_state on node %d", node).isEqualTo(1);
                assertThat(tablesWithoutPrimaryKey(cluster.node(node).serverUrl() + "/" + schema.name(),
                        schema.name())).as("tables without a primary key on node %d", node).isZero();
            }
        }
    }

    /**
     * Two nodes change the same row at once: the transaction that commits second fails Galera's certification, which
     * MariaDB reports as a deadlock, and {@link WriteConflicts} recognises it, so a repeatable unit of work runs again.
     */
    @Test
    void conflictingCommitsOnTwoNodesFailCertificationAsAWriteConflict() throws Exception {
        GaleraCluster cluster = GaleraCluster.shared();
        try (TestSchema schema = cluster.freshSchema(); Database database = schema.openDatabase();
                Connection first = DriverManager.getConnection(cluster.node(2).serverUrl() + "/" + schema.name()
                        + "?user=root");
                Connection second = DriverManager.getConnection(cluster.node(3).serverUrl() + "/" + schema.name()
                        + "?user=root")) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            try (Statement one = first.createStatement(); Statement two = second.createStatement()) {
                one.executeUpdate("UPDATE config_state SET version = version + 1");
                two.executeUpdate("UPDATE config_state SET version = version + 10");
                second.commit();
                SQLException lost = null;
                try {
                    first.commit();
                } catch (SQLException e) {
                    lost = e;
                }

                assertThat((Object) lost).as("the second commit on another node fails").isNotNull();
                assertThat(lost.getErrorCode()).isEqualTo(WriteConflicts.DEADLOCK);
                assertThat(WriteConflicts.isConflict(lost)).isTrue();
            }
            assertThat(configVersion(cluster.node(2).serverUrl() + "/" + schema.name())).isEqualTo(10);
        }
    }

    /** A node killed with SIGKILL comes back with the next {@link GaleraCluster#shared()} and catches up. */
    @Test
    void aKilledNodeRejoinsAndCatchesUp() throws Exception {
        GaleraCluster cluster = GaleraCluster.shared();
        cluster.node(3).kill();
        try (TestSchema schema = cluster.freshSchema(); Database database = schema.openDatabase()) {
            database.runInTransaction(em -> em.find(ConfigState.class, ConfigState.ROW_ID).advance());

            GaleraCluster.shared();

            assertThat(cluster.clusterSize(cluster.node(3))).isEqualTo("3");
            assertThat(configVersion(cluster.node(3).serverUrl() + "/" + schema.name())).isEqualTo(1);
        }
    }

    private static long configVersion(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url + "?user=root&sessionVariables=wsrep_sync_wait=1");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM config_state")) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(1);
        }
    }

    private static int tablesWithoutPrimaryKey(String url, String schema) throws Exception {
        try (Connection connection = DriverManager.getConnection(url + "?user=root");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables t"
                        + " WHERE t.table_schema = '" + schema + "' AND (t.engine <> 'InnoDB' OR NOT EXISTS ("
                        + "SELECT 1 FROM information_schema.table_constraints c WHERE c.table_schema = t.table_schema"
                        + " AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY'))")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
