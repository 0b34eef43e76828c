package io.livepush.testing;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code mariadbd} of a {@link GaleraCluster}: its own data directory and four ports on 127.0.0.1 (SQL, group
 * communication, incremental state transfer, full state transfer). Started, killed and stopped by the tests.
 */
public final class GaleraNode {

    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    private final int index;
    private final Path dataDir;
    private final Path home;
    private final GaleraPorts ports;
    private final String clusterAddress;
    private final String osUser;
    private Process process;

    GaleraNode(int index, Path home, GaleraPorts ports, String clusterAddress, String osUser) {
        this.index = index;
        this.home = home;
        this.dataDir = home.resolve("n" + index);
        this.ports = ports;
        this.clusterAddress = clusterAddress;
        this.osUser = osUser;
    }

    /** 1, 2 or 3. */
    public int index() {
        return index;
    }

    /** The SQL port on 127.0.0.1. */
    public int port() {
        return ports.sql();
    }

    /** {@code 127.0.0.1:<port>}, as a host entry of a multi-host JDBC URL. */
    public String hostAndPort() {
        return "127.0.0.1:" + ports.sql();
    }

    /** {@code jdbc:mariadb://127.0.0.1:<port>}: this node alone, without a path. */
    public String serverUrl() {
        return "jdbc:mariadb://" + hostAndPort();
    }

    Path dataDir() {
        return dataDir;
    }

    private Path outputLog() {
        return home.resolve("n" + index + ".out");
    }

    Path errorLog() {
        return home.resolve("n" + index + ".err");
    }

    /** Starts {@code mariadbd}; {@code bootstrap} makes it form a new cluster ({@code --wsrep-new-cluster}). */
    synchronized void start(String mariadbd, boolean bootstrap) throws IOException {
        List<String> command = new ArrayList<>(List.of(mariadbd, "--no-defaults",
                "--datadir=" + dataDir, "--socket=" + home.resolve("n" + index + ".sock"),
                "--pid-file=" + home.resolve("n" + index + ".pid"), "--log-error=" + errorLog(),
                "--bind-address=127.0.0.1", "--port=" + ports.sql(), "--skip-name-resolve",
                // Small and quick: a test cluster holds a few throw-away schemas.
                "--innodb-buffer-pool-size=16M", "--innodb-log-file-size=8M", "--performance-schema=OFF",
                "--max-connections=200",
                // What Galera requires of every node (docs/scale-out.md lists them for production).
                "--binlog-format=ROW", "--default-storage-engine=InnoDB", "--innodb-autoinc-lock-mode=2",
                // Refuse what Galera cannot replicate safely, so a migration that needs it fails here first.
                "--wsrep-mode=REQUIRED_PRIMARY_KEY,STRICT_REPLICATION",
                "--wsrep-on=ON", "--wsrep-provider=" + GaleraCluster.PROVIDER,
                "--wsrep-cluster-name=livepush-test", "--wsrep-cluster-address=" + clusterAddress,
                "--wsrep-node-name=node" + index, "--wsrep-node-address=127.0.0.1:" + ports.group(),
                "--wsrep-sst-method=rsync", "--wsrep-sst-receive-address=127.0.0.1:" + ports.sst(),
                "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:" + ports.group()
                        + ";ist.recv_addr=127.0.0.1:" + ports.ist() + ";gcache.size=16M"
                        // A killed node leaves the group after 2-4 s instead of the production 5-15 s.
                        + ";evs.keepalive_period=PT0.5S;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S"
                        + ";evs.install_timeout=PT4S"));
        if (osUser != null) {
            command.add("--user=" + osUser);
        }
        if (bootstrap) {
            command.add("--wsrep-new-cluster");
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(outputLog().toFile())).start();
        process.getOutputStream().close();
    }

    /** Waits until the node has joined and synced with the cluster (it then accepts reads and writes). */
    void awaitSynced(Duration limit) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException("Galera node " + index + " exited with " + process.exitValue()
                        + "; its logs end with:\n" + tail(errorLog()) + "\n" + tail(outputLog()));
            }
            if ("Synced".equals(status("wsrep_local_state_comment"))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Galera node " + index + " did not sync within " + limit
                + "; its log ends with:\n" + tail(errorLog()));
    }

    /** A status variable ({@code SHOW STATUS}), or null while the node does not answer. */
    public String status(String variable) {
        try (Connection connection = DriverManager.getConnection(serverUrl() + "/?user=root&connectTimeout=1000");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW STATUS LIKE '" + variable + "'")) {
            return rows.next() ? rows.getString(2) : null;
        } catch (SQLException e) {
            // Still starting, or killed: the callers poll.
            return null;
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills the node with SIGKILL, as a crash or a power cut would; the others notice within a few seconds. */
    public synchronized void kill() throws InterruptedException {
        if (isRunning()) {
            process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Stops the node with SIGTERM (a clean shutdown), or kills it when it does not stop in time. */
    public synchronized void stop() throws InterruptedException {
        if (isRunning()) {
            process.destroy();
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log at " + log + ")";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }
}
