package io.livepush.ingest;

import io.livepush.domain.Actor;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.security.Argon2Settings;
import io.livepush.security.PasswordHasher;
import io.livepush.service.AccountDraft;
import io.livepush.service.AccountService;
import io.livepush.service.IngestStatsService;
import io.livepush.service.NewCredential;
import io.livepush.service.PopDraft;
import io.livepush.service.PopRecord;
import io.livepush.service.PopService;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import io.livepush.service.SlotService;
import io.livepush.store.Database;
import io.livepush.testing.LiveTomcat;
import io.livepush.testing.SwitchableDataSource;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test schema with an account ({@code acme}), a PoP ({@code eu1}) and services to change slots while the real
 * {@code live.war} runs in an embedded Tomcat as node {@code it-node} of that PoP.
 */
final class LiveFixture implements AutoCloseable {

    static final Actor OPERATOR = Actor.operator("ops");
    static final String USER = "encoder1";
    static final String PASSWORD = "publish-secret-1";

    final TestSchema schema = TestDatabases.freshSchema();
    final Database database = schema.openDatabase();
    final Clock clock = Clock.systemUTC();
    final SlotService slots = new SlotService(database, new PasswordHasher(new Argon2Settings(1024, 1, 1)), clock);
    final IngestStatsService stats = new IngestStatsService(database, clock);
    final PopRecord pop;
    final Path storage;
    final LiveTomcat tomcat;
    final HttpClient client;

    LiveFixture(Path baseDir, Map<String, String> extraParameters) throws Exception {
        SwitchableDataSource.setDown(false);
        new AccountService(database, clock).create(OPERATOR, new AccountDraft("acme", "Acme", 1_000_000,
                Map.of(SlotType.LIVE_PUSH, 100)));
        pop = new PopService(database, clock).create(OPERATOR, new PopDraft("eu1", Region.EUROPE,
                "https://127.0.0.1/live", "http://127.0.0.1/live"));
        storage = Files.createDirectories(baseDir.resolve("storage"));
        Map<String, String> parameters = new HashMap<>(Map.of("storage.root", storage.toString(),
                "origin.nodeId", "it-node", "origin.pop", "eu1", "origin.slotRefreshSeconds", "1"));
        parameters.putAll(extraParameters);
        tomcat = LiveTomcat.start(schema.jdbcUrl(), baseDir.resolve("tomcat"), parameters);
        client = tomcat.client();
    }

    /** Creates a slot with the standard credential and the given publish list, and waits until the node serves it. */
    SlotRecord slot(String name, List<String> publishCidrs) throws Exception {
        SlotRecord slot = slots.create(OPERATOR, "acme", new SlotDraft(name, null, SlotType.LIVE_PUSH, Region.EUROPE,
                pop.id(), null, false, 5000, 2000, 300, List.of(new NewCredential(USER, PASSWORD)), publishCidrs,
                List.of(), null, null));
        awaitServed(slot);
        return slot;
    }

    /** Waits until the node serves the slot: an authenticated GET of a missing file then answers 404 (or 403 from outside its publish list), not 401. */
    void awaitServed(SlotRecord slot) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                            tomcat.https("/push/acme/" + slot.name() + "/probe.ts"))
                    .header("Authorization", basic(USER, PASSWORD)).GET().build(), BodyHandlers.discarding());
            if (response.statusCode() == 404 || response.statusCode() == 403) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The node did not load slot " + slot.name() + " within 10 seconds");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        SwitchableDataSource.setDown(false);
        tomcat.close();
        database.close();
        schema.close();
    }
}
