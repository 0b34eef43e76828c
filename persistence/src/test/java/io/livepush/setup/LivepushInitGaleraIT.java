package io.livepush.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.testing.GaleraCluster;
import io.livepush.testing.TestSchema;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code livepush-init} takes a Connector/J multi-host URL ({@code jdbc:mariadb:sequential://...}) whose first host
 * does not answer, as after a Galera node died, and sets up the schema, the PoP and the first operator through the
 * next host; every Galera node then has them.
 */
class LivepushInitGaleraIT {

    @Test
    void initialisesThroughASequentialUrlWhoseFirstHostIsDown() throws Exception {
        GaleraCluster cluster = GaleraCluster.shared();
        try (TestSchema schema = cluster.freshSchema()) {
            String url = "jdbc:mariadb:sequential://127.0.0.1:" + closedPort() + ","
                    + cluster.node(2).hostAndPort() + "," + cluster.node(3).hostAndPort() + "/" + schema.name();
            Map<String, String> env = new HashMap<>();
            env.put("LIVEPUSH_DB_URL", url);
            env.put("LIVEPUSH_DB_USER", "root");
            env.put("LIVEPUSH_DB_PASSWORD", "");
            env.put("LIVEPUSH_POP", "eu1");
            env.put("LIVEPUSH_INGEST_BASE_URL", "https://ingest-eu1.example.com:8443/live");
            env.put("LIVEPUSH_PLAYBACK_BASE_URL", "http://play-eu1.example.com/live");
            env.put("LIVEPUSH_OPERATOR_USER", "operator");
            env.put("LIVEPUSH_OPERATOR_PASSWORD", "correct-horse-galera-9");

            LivepushInit.initialise(env);

            for (int node = 1; node <= GaleraCluster.SIZE; node++) {
                String nodeUrl = cluster.node(node).serverUrl() + "/" + schema.name()
                        + "?user=root&sessionVariables=wsrep_sync_wait=1";
                assertThat(count(nodeUrl, "SELECT COUNT(*) FROM pop WHERE name = 'eu1'")).as("PoP on node %d", node)
                        .isEqualTo(1);
                assertThat(count(nodeUrl, "SELECT COUNT(*) FROM admin_user WHERE username = 'operator'"))
                        .as("operator on node %d", node).isEqualTo(1);
            }
        }
    }

    /** A port on 127.0.0.1 nothing listens on (it was free a moment ago). */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int count(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
