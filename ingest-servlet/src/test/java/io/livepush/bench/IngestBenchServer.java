package io.livepush.bench;

import io.livepush.domain.Actor;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.security.PasswordHasher;
import io.livepush.service.AccountDraft;
import io.livepush.service.AccountService;
import io.livepush.service.NewCredential;
import io.livepush.service.PopDraft;
import io.livepush.service.PopRecord;
import io.livepush.service.PopService;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotService;
import io.livepush.store.Database;
import io.livepush.testing.LiveTomcat;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of {@code bench/ingest.sh}: the real {@code live.war} in {@link LiveTomcat} with its HTTPS connector
 * tuned for encoders, against a fresh MariaDB schema (from {@link TestDatabases}, so {@code LIVEPUSH_TEST_JDBC_URL}
 * applies) with one account {@code acme}, one PoP and <b>one slot per encoder</b>: slots {@code enc00} … each with
 * its own credential (user = slot name, password {@link #PASSWORD}, hashed with the production Argon2 settings), so
 * every encoder has its own statistics counters and credential-cache entry, as in production.
 * <p>
 * Not a test: started by the script, it writes {@code ready.properties} into the work directory once every slot is
 * served, runs until the JVM is told to stop (SIGTERM), then stops Tomcat and drops the schema.
 * <p>
 * Arguments: {@code workDir encoderCount [connectorAttribute=value ...]}; the attributes go onto the HTTPS connector
 * as in {@code server.xml}.
 */
public final class IngestBenchServer {

    /** Every bench encoder's password (a benchmark secret, not a real one). */
    public static final String PASSWORD = "bench-publish-secret";

    private static final Logger LOG = LoggerFactory.getLogger(IngestBenchServer.class);
    private static final Actor OPERATOR = Actor.operator("bench");

    private IngestBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("Usage: IngestBenchServer workDir encoderCount [attribute=value ...]");
        }
        Path workDir = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        int encoders = Integer.parseInt(args[1]);
        Map<String, String> connector = new LinkedHashMap<>();
        for (String attribute : List.of(args).subList(2, args.length)) {
            int equals = attribute.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("'" + attribute + "' is not attribute=value");
            }
            connector.put(attribute.substring(0, equals), attribute.substring(equals + 1));
        }
        TestSchema schema = TestDatabases.freshSchema();
        Database database = schema.openDatabase();
        Clock clock = Clock.systemUTC();
        List<String> slotNames = createSlots(database, clock, encoders);
        Path storage = Files.createDirectories(workDir.resolve("ours-root"));
        LiveTomcat tomcat = LiveTomcat.start(schema.jdbcUrl(), workDir.resolve("tomcat"), Map.of(
                "storage.root", storage.toString(), "origin.nodeId", "bench-node", "origin.pop", "bench1"), connector);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(tomcat, database, schema);
            stopped.countDown();
        }, "bench-stop"));
        awaitServed(tomcat, slotNames);
        Files.writeString(workDir.resolve("ready.properties"), "httpsPort=" + tomcat.httpsPort() + "\nkeystore="
                + tomcat.certificate().keystore() + "\nkeystorePassword=" + tomcat.certificate().password() + "\n");
        LOG.info("Bench server ready on HTTPS port [{}] with [{}] slots and connector attributes {}",
                tomcat.httpsPort(), slotNames.size(), connector);
        stopped.await();
    }

    private static List<String> createSlots(Database database, Clock clock, int encoders) {
        new AccountService(database, clock).create(OPERATOR, new AccountDraft("acme", "Acme", 1_000_000,
                Map.of(SlotType.LIVE_PUSH, encoders)));
        PopRecord pop = new PopService(database, clock).create(OPERATOR, new PopDraft("bench1", Region.EUROPE,
                "https://127.0.0.1/live", "http://127.0.0.1/live"));
        SlotService slots = new SlotService(database, PasswordHasher.standard(), clock);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < encoders; i++) {
            String name = String.format("enc%02d", i);
            slots.create(OPERATOR, "acme", new SlotDraft(name, null, SlotType.LIVE_PUSH, Region.EUROPE, pop.id(),
                    null, false, 8000, 2000, 300, false, List.of(new NewCredential(name, PASSWORD)), List.of(),
                    List.of(),
                    null, null));
            names.add(name);
        }
        return names;
    }

    /** Waits until the node serves every slot (an authenticated GET of a missing file answers 404, not 401). */
    private static void awaitServed(LiveTomcat tomcat, List<String> slotNames) throws Exception {
        HttpClient client = tomcat.client();
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (String name : slotNames) {
            while (status(client, tomcat, name) != 404) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The node did not serve slot " + name + " within 60 s");
                }
                Thread.sleep(200);
            }
        }
    }

    private static int status(HttpClient client, LiveTomcat tomcat, String slot) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((slot + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(tomcat.https("/push/acme/" + slot + "/probe.ts"))
                .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void stop(LiveTomcat tomcat, Database database, TestSchema schema) {
        try {
            tomcat.close();
        } catch (Exception e) {
            LOG.warn("Tomcat did not stop cleanly", e);
        }
        database.close();
        schema.close();
    }
}
