package io.livepush.ingest;

import io.livepush.domain.Actor;
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
import io.livepush.service.ViewerRule;
import io.livepush.store.Database;
import io.livepush.testing.LiveTomcat;
import io.livepush.testing.SwitchableJndiDataSource;
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
public final class LiveFixture implements AutoCloseable {

    public static final Actor OPERATOR = Actor.operator("ops");
    public static final String USER = "encoder1";
    public static final String PASSWORD = "publish-secret-1";

    public final TestSchema schema = TestDatabases.freshSchema();
    public final Database database = schema.openDatabase();
    public final Clock clock = Clock.systemUTC();
    public final SlotService slots =
            new SlotService(database, new PasswordHasher(new Argon2Settings(1024, 1, 1)), clock);
    public final IngestStatsService stats = new IngestStatsService(database, clock);
    public final PopRecord pop;
    public final Path storage;
    public final LiveTomcat tomcat;
    public final HttpClient client;

    public LiveFixture(Path baseDir, Map<String, String> extraParameters) throws Exception {
        SwitchableJndiDataSource.setDown(false);
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
    public SlotRecord slot(String name, List<String> publishCidrs) throws Exception {
        SlotRecord slot = slots.create(OPERATOR, "acme", new SlotDraft(name, null, SlotType.LIVE_PUSH, Region.EUROPE,
                pop.id(), null, false, 5000, 2000, 300, false, List.of(new NewCredential(USER, PASSWORD)), publishCidrs,
                List.of(), null, null));
        awaitServed(slot);
        return slot;
    }

    /** Creates a slot from {@code draft} (give it the standard credential) and waits until the node serves it. */
    public SlotRecord slot(SlotDraft draft) throws Exception {
        SlotRecord slot = slots.create(OPERATOR, "acme", draft);
        awaitServed(slot);
        return slot;
    }

    /** A draft with the standard credential, any publisher, and the given viewer rules and MediaVault settings. */
    public SlotDraft draft(String name, List<ViewerRule> viewerRules, AddressRule.Action viewerDefault,
            MediaVaultInput mediaVault) {
        return new SlotDraft(name, null, SlotType.LIVE_PUSH, Region.EUROPE, pop.id(), null, false, 5000, 2000, 300,
                false,
                List.of(new NewCredential(USER, PASSWORD)), List.of(), viewerRules, viewerDefault, mediaVault);
    }

    /** Waits until the node serves the slot: an authenticated GET of a missing file then answers 404 (or 403 from outside its publish list), not 401. */
    public void awaitServed(SlotRecord slot) throws Exception {
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

    /** Publishes {@code body} at {@code /push/acme/<path>} with the standard credential, as an encoder would. */
    public HttpResponse<String> publish(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(tomcat.https("/push/acme/" + path))
                .header("Authorization", basic(USER, PASSWORD))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        SwitchableJndiDataSource.setDown(false);
        tomcat.close();
        database.close();
        schema.close();
    }
}
