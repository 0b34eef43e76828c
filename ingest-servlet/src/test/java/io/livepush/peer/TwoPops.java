package io.livepush.peer;

import static io.livepush.ingest.LiveFixture.OPERATOR;
import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.net.AddressRule;
import io.livepush.security.Argon2Settings;
import io.livepush.security.PasswordHasher;
import io.livepush.service.AccountDraft;
import io.livepush.service.AccountService;
import io.livepush.service.IngestStatsService;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.NewCredential;
import io.livepush.service.PopDraft;
import io.livepush.service.PopRecord;
import io.livepush.service.PopService;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import io.livepush.service.SlotService;
import io.livepush.store.Database;
import io.livepush.testing.LiveTomcat;
import io.livepush.testing.SwitchableJndiDataSource;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Two real {@code live.war} nodes on one test schema: {@code it-eu1} of PoP {@code eu1} and {@code it-eu2} of PoP
 * {@code eu2}, each with its own storage, both with peer fill on (the same cluster secret), and the PoPs' URLs
 * pointing at the two embedded Tomcats. Slots are created with primary {@code eu1} and backup {@code eu2}.
 */
final class TwoPops implements AutoCloseable {

    static final String SECRET = "it-cluster-secret-0123456789";

    final TestSchema schema = TestDatabases.freshSchema();
    final Database database = schema.openDatabase();
    final Clock clock = Clock.systemUTC();
    final SlotService slots = new SlotService(database, new PasswordHasher(new Argon2Settings(1024, 1, 1)), clock);
    final IngestStatsService stats = new IngestStatsService(database, clock);
    final Node eu1;
    final Node eu2;
    final HttpClient client;

    /** One node: its Tomcat, its storage root and its PoP. */
    record Node(String pop, PopRecord record, LiveTomcat tomcat, Path storage, HttpClient client) {

        /** The stored file of {@code path} (below the slot) in this node's storage. */
        Path file(String slot, String path) {
            return storage.resolve("acme").resolve(slot).resolve(path);
        }

        /** This node's playback URL of {@code path} below the slot. */
        URI play(String slot, String path) {
            return tomcat.http("/play/acme/" + slot + "/" + path);
        }
    }

    TwoPops(Path baseDir) throws Exception {
        SwitchableJndiDataSource.setDown(false);
        new AccountService(database, clock).create(OPERATOR, new AccountDraft("acme", "Acme", 1_000_000,
                Map.of(SlotType.LIVE_PUSH, 100)));
        PopService pops = new PopService(database, clock);
        eu1 = start(baseDir, pops, "eu1");
        eu2 = start(baseDir, pops, "eu2");
        client = eu1.tomcat().client();
        // Each node reads its peer's URL with the slot rules, once per origin.slotRefreshSeconds.
        Thread.sleep(2500);
    }

    private Node start(Path baseDir, PopService pops, String pop) throws Exception {
        PopRecord created = pops.create(OPERATOR, new PopDraft(pop, Region.EUROPE, "https://127.0.0.1/live",
                "http://127.0.0.1/live"));
        Path storage = Files.createDirectories(baseDir.resolve(pop).resolve("storage"));
        LiveTomcat tomcat = LiveTomcat.start(schema.jdbcUrl(), baseDir.resolve(pop).resolve("tomcat"), Map.of(
                "storage.root", storage.toString(), "origin.nodeId", "it-" + pop, "origin.pop", pop,
                "origin.slotRefreshSeconds", "1", PeerFillConfig.SECRET, SECRET));
        PopRecord updated = pops.update(OPERATOR, created.id(), new PopDraft(pop, Region.EUROPE,
                "https://127.0.0.1:" + tomcat.httpsPort() + "/live", "http://127.0.0.1:" + tomcat.httpPort() + "/live"));
        return new Node(pop, updated, tomcat, storage, tomcat.client());
    }

    /** Creates a slot on both PoPs (segment duration {@code segmentMs}) and waits until both nodes serve it. */
    SlotRecord slot(String name, int segmentMs, MediaVaultInput mediaVault) throws Exception {
        SlotRecord slot = slots.create(OPERATOR, "acme", new SlotDraft(name, null, SlotType.LIVE_PUSH, Region.EUROPE,
                eu1.record().id(), eu2.record().id(), true, 5000, segmentMs, 300, false,
                List.of(new NewCredential(USER, PASSWORD)), List.of(), List.of(), AddressRule.Action.ALLOW,
                mediaVault));
        awaitServed(eu1, name);
        awaitServed(eu2, name);
        return slot;
    }

    private void awaitServed(Node node, String slot) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (node.client().send(HttpRequest.newBuilder(node.tomcat().https("/push/acme/" + slot + "/probe.ts"))
                    .header("Authorization", basic(USER, PASSWORD)).GET().build(), BodyHandlers.discarding())
                    .statusCode() == 404) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Node " + node.pop() + " did not load slot " + slot + " within 10 seconds");
    }

    /** Publishes {@code body} at {@code path} of {@code slot} on {@code node}, as an encoder does. */
    void put(Node node, String slot, String path, String body) throws Exception {
        HttpResponse<String> response = node.client().send(HttpRequest.newBuilder(node.tomcat().https("/push/acme/" + slot
                        + "/" + path)).header("Authorization", basic(USER, PASSWORD))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 204) {
            throw new AssertionError("PUT " + path + " to " + node.pop() + ": " + response + " " + response.body());
        }
    }

    /** A plain viewer's GET (playback is plain HTTP here). */
    HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        try {
            eu1.tomcat().close();
            eu2.tomcat().close();
        } finally {
            database.close();
            schema.close();
        }
    }
}
