package io.livepush.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.model.ConfigState;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseIT {

    @Test
    void migrationsCreateASchemaThatHibernateValidates() throws Exception {
        try (TestSchema schema = TestDatabases.freshSchema(); Database database = schema.openDatabase()) {
            long version = database.inTransaction(em -> em.find(ConfigState.class, ConfigState.ROW_ID).getVersion());
            assertThat(version).isZero();
            try (Connection connection = schema.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet tables = statement.executeQuery("SHOW TABLES")) {
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString(1));
                }
                assertThat(names).containsExactlyInAnyOrder("account", "account_entitlement", "admin_user", "api_token",
                        "config_state", "flyway_schema_history", "ingest_node", "ingest_node_slot_error", "pop",
                        "publish_cidr", "publish_credential", "rendition_health", "slot", "slot_audit", "slot_ingest_stats",
                        "viewer_rule");
            }
        }
    }

    @Test
    void migratingTwiceIsANoOp() throws Exception {
        try (TestSchema schema = TestDatabases.freshSchema()) {
            int first = Database.migrate(schema.dataSource());
            List<String> afterFirst = history(schema);
            int second = Database.migrate(schema.dataSource());

            assertThat(first).isPositive();
            assertThat(afterFirst).hasSize(first).doesNotHaveDuplicates().allMatch(row -> row.endsWith(" ok"));
            assertThat(second).isZero();
            assertThat(history(schema)).isEqualTo(afterFirst);
            schema.openDatabase().close();
        }
    }

    /** Each row of Flyway's history as "version script ok|failed", in the order they ran. */
    private static List<String> history(TestSchema schema) throws Exception {
        try (Connection connection = schema.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, script, success FROM flyway_schema_history"
                        + " ORDER BY installed_rank")) {
            List<String> history = new ArrayList<>();
            while (rows.next()) {
                history.add(rows.getString(1) + " " + rows.getString(2) + (rows.getBoolean(3) ? " ok" : " failed"));
            }
            return history;
        }
    }
}
