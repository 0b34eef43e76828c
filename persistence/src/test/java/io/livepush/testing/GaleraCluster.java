package io.livepush.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A three-node MariaDB Galera cluster on 127.0.0.1 for integration tests: three {@code mariadbd} processes with their
 * own data directories and ports, replicating synchronously through Galera 4 ({@code galera-4}, which Debian installs
 * with {@code mariadb-server}).
 * <p>
 * {@link #shared()} starts it once per test JVM (the ITs of one module run share it) and kills it when the JVM exits.
 * Node 1 is initialised with {@code mariadb-install-db} and bootstraps the cluster; nodes 2 and 3 start on empty data
 * directories and receive a full copy from it by {@code rsync} (state snapshot transfer). Under root the servers run
 * as the {@code mysql} user, because the {@code rsync} daemon of a transfer would otherwise drop to {@code nobody}.
 * <p>
 * The nodes run with {@code wsrep_mode=REQUIRED_PRIMARY_KEY,STRICT_REPLICATION}, so a table without a primary key or
 * outside InnoDB fails here before it fails in production. When the tools are missing the calling test is skipped
 * with a message, or fails when {@code LIVEPUSH_REQUIRE_TOOLS=1}.
 */
public final class GaleraCluster {

    /** The Galera 4 library Debian's {@code galera-4} package installs. */
    public static final String PROVIDER = "/usr/lib/galera/libgalera_smm.so";
    /** The environment variable that turns missing tools from a skip into a failure. */
    public static final String REQUIRE_TOOLS = "LIVEPUSH_REQUIRE_TOOLS";
    public static final int SIZE = 3;

    private static final Logger LOG = Logger.getLogger(GaleraCluster.class.getName());
    private static final Duration INSTALL_LIMIT = Duration.ofSeconds(60);
    private static final Duration SYNC_LIMIT = Duration.ofSeconds(120);
    private static final String INSTALL_HINT = "apt-get install -y mariadb-server galera-4 rsync";

    private static GaleraCluster shared;

    private final Path home;
    private final String mariadbd;
    private final List<GaleraNode> nodes;

    private GaleraCluster(Path home, String mariadbd, List<GaleraNode> nodes) {
        this.home = home;
        this.mariadbd = mariadbd;
        this.nodes = nodes;
    }

    /**
     * The cluster of this test JVM, started on first use; a node an earlier test killed or stopped is started again
     * (it rejoins with a state transfer). Skips the calling test when the tools are missing.
     */
    public static synchronized GaleraCluster shared() throws IOException, InterruptedException {
        if (shared == null) {
            String mariadbd = assumeToolsInstalled();
            long started = System.nanoTime();
            shared = start(mariadbd);
            LOG.info("Galera cluster of " + SIZE + " nodes synced in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms under " + shared.home);
        }
        shared.restartStoppedNodes();
        return shared;
    }

    /** Node 1, 2 or 3. */
    public GaleraNode node(int index) {
        return nodes.get(index - 1);
    }

    public List<GaleraNode> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * A fresh schema, created through the first node that answers (Galera replicates it to the others) and dropped
     * the same way when closed, so a test may kill a node meanwhile. Its URL is a sequential multi-host one.
     */
    public TestSchema freshSchema() {
        return TestDatabases.freshSchema(sequentialServers(1), "?user=root");
    }

    /**
     * A Connector/J multi-host URL for {@code database} that prefers node {@code first} and fails over to the others
     * in order ({@code jdbc:mariadb:sequential://...}), without credentials.
     */
    public String sequentialUrl(String database, int first) {
        return sequentialServers(first) + "/" + database;
    }

    /** {@code jdbc:mariadb:sequential://<first>,<the others>}, without a path. */
    private String sequentialServers(int first) {
        List<GaleraNode> ordered = new ArrayList<>(nodes);
        ordered.sort(Comparator.comparingInt(node -> node.index() == first ? 0 : node.index()));
        return "jdbc:mariadb:sequential://"
                + ordered.stream().map(GaleraNode::hostAndPort).collect(Collectors.joining(","));
    }

    /** How many nodes the cluster counts, asked of {@code node}; null when that node does not answer. */
    public String clusterSize(GaleraNode node) {
        return node.status("wsrep_cluster_size");
    }

    private static GaleraCluster start(String mariadbd) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("livepush-galera-");
        // The servers may run as another user (see the class comment); they must reach their directories.
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Optional<UserPrincipal> serverUser = serverUser();
        if (serverUser.isPresent()) {
            // The servers write their logs, sockets and pid files next to their data directories.
            Files.setOwner(home, serverUser.get());
        }
        List<GaleraPorts> ports = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            ports.add(GaleraPorts.free());
        }
        String address = "gcomm://" + ports.stream().map(port -> "127.0.0.1:" + port.group())
                .collect(Collectors.joining(","));
        List<GaleraNode> nodes = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            GaleraNode node = new GaleraNode(i + 1, home, ports.get(i), address,
                    serverUser.map(UserPrincipal::getName).orElse(null));
            Files.createDirectories(node.dataDir());
            if (serverUser.isPresent()) {
                Files.setOwner(node.dataDir(), serverUser.get());
            }
            nodes.add(node);
        }
        GaleraCluster cluster = new GaleraCluster(home, mariadbd, nodes);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy, "galera-cluster-stop"));
        cluster.installFirstNode(serverUser);
        cluster.node(1).start(mariadbd, true);
        cluster.node(1).awaitSynced(SYNC_LIMIT);
        for (GaleraNode joiner : nodes.subList(1, SIZE)) {
            joiner.start(mariadbd, false);
        }
        for (GaleraNode joiner : nodes.subList(1, SIZE)) {
            joiner.awaitSynced(SYNC_LIMIT);
        }
        return cluster;
    }

    private void installFirstNode(Optional<UserPrincipal> serverUser) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults",
                "--datadir=" + node(1).dataDir(), "--auth-root-authentication-method=normal", "--skip-test-db",
                "--innodb-log-file-size=8M"));
        serverUser.ifPresent(user -> command.add("--user=" + user.getName()));
        Path log = home.resolve("install-db.log");
        Process install = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile())).start();
        install.getOutputStream().close();
        if (!install.waitFor(INSTALL_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            install.destroyForcibly();
            throw new IllegalStateException("mariadb-install-db did not finish within " + INSTALL_LIMIT);
        }
        if (install.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed:\n" + GaleraNode.tail(log));
        }
    }

    private void restartStoppedNodes() throws IOException, InterruptedException {
        List<GaleraNode> stopped = nodes.stream().filter(node -> !node.isRunning()).toList();
        for (GaleraNode node : stopped) {
            LOG.info("Galera node " + node.index() + " rejoins the cluster");
            node.start(mariadbd, false);
        }
        for (GaleraNode node : stopped) {
            node.awaitSynced(SYNC_LIMIT);
        }
    }

    /** Kills every node and deletes the data directories: the data is throw-away, a clean shutdown only costs time. */
    private void destroy() {
        try {
            for (GaleraNode node : nodes) {
                node.kill();
            }
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            // The JVM is exiting; what is left lies in a temporary directory.
            LOG.fine("Galera cluster cleanup incomplete: " + e);
        }
    }

    /** The unprivileged user the servers run as when the tests run as root: {@code mysql}, as Debian creates it. */
    private static Optional<UserPrincipal> serverUser() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName("mysql"));
        } catch (UserPrincipalNotFoundException e) {
            throw new IllegalStateException("Running as root, the Galera test cluster needs the 'mysql' user that "
                    + "mariadb-server creates (an rsync state transfer under root drops to 'nobody')", e);
        }
    }

    /** Skips (or, with {@value #REQUIRE_TOOLS}=1, fails) unless every tool is there; returns mariadbd's path. */
    private static String assumeToolsInstalled() {
        List<String> missing = new ArrayList<>();
        Optional<Path> mariadbd = onPath("mariadbd", "/usr/sbin");
        if (mariadbd.isEmpty()) {
            missing.add("mariadbd");
        }
        for (String tool : List.of("mariadb-install-db", "wsrep_sst_rsync", "rsync")) {
            if (onPath(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        if (!Files.isReadable(Path.of(PROVIDER))) {
            missing.add(PROVIDER);
        }
        String message = "Not installed: " + missing + " (" + INSTALL_HINT + ")";
        if ("1".equals(System.getenv(REQUIRE_TOOLS))) {
            assertThat(missing).as(message + "; " + REQUIRE_TOOLS + "=1 requires them").isEmpty();
        }
        Assumptions.assumeTrue(missing.isEmpty(), message + "; skipping the Galera test");
        return mariadbd.orElseThrow().toString();
    }

    private static Optional<Path> onPath(String tool, String... extraDirectories) {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of(extraDirectories))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
