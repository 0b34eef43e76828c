package io.livepush.testing;

import io.livepush.domain.Actor;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.security.Argon2Settings;
import io.livepush.security.PasswordHasher;
import io.livepush.service.AccountDraft;
import io.livepush.service.AccountService;
import io.livepush.service.NewCredential;
import io.livepush.service.PopDraft;
import io.livepush.service.PopRecord;
import io.livepush.service.PopService;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import io.livepush.service.SlotService;
import io.livepush.store.ConnectionTimeouts;
import io.livepush.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * Two PoPs on a shared {@link GaleraCluster}: the real {@code live.war} runs twice, as node {@code node-eu1} of PoP
 * {@code eu1} talking to Galera node 1 and as node {@code node-eu2} of PoP {@code eu2} talking to Galera node 2, each
 * through a multi-host {@code jdbc:mariadb:sequential://} URL that fails over to the other Galera nodes. The schema
 * has an account ({@code acme}); the fixture's services (the portal's side) talk to Galera node 3; both PoPs carry the nodes' real ingest and playback URLs. {@link #slot(String)}
 * creates a slot with primary PoP {@code eu1} and backup PoP {@code eu2} and waits until both nodes serve it.
 */
public final class TwoPopOrigins implements AutoCloseable {

    public static final Actor OPERATOR = Actor.operator("ops");
    public static final String ACCOUNT = "acme";
    public static final String USER = "encoder1";
    public static final String PASSWORD = "publish-secret-1";
    private static final long SERVED_LIMIT_NANOS = 20_000_000_000L;

    public final GaleraCluster cluster;
    public final TestSchema schema;
    public final Database database;
    public final Clock clock = Clock.systemUTC();
    public final SlotService slots;
    public final PopService pops;
    public final LiveTomcat eu1;
    public final LiveTomcat eu2;
    public final PopRecord eu1Pop;
    public final PopRecord eu2Pop;
    private final Map<String, String> storageRoots = new HashMap<>();
    private final MariaDbPoolDataSource portalPool;

    /**
     * Starts both nodes under {@code baseDir} ({@code eu1/} and {@code eu2/}, each with its {@code storage/}).
     *
     * @param extraParameters context parameters both nodes get on top of node id, PoP, storage root and a 1 s slot
     *                        refresh (for example short heartbeat or peer time-outs)
     */
    public TwoPopOrigins(Path baseDir, Map<String, String> extraParameters) throws Exception {
        SwitchableDataSource.setDown(false);
        cluster = GaleraCluster.shared();
        schema = cluster.freshSchema();
        // The portal's side (services of this fixture) talks to Galera node 3, as admin.war would.
        portalPool = new MariaDbPoolDataSource(jdbcUrl(3) + "&maxPoolSize=4&minPoolSize=0");
        database = Database.open(portalPool, true);
        slots = new SlotService(database, new PasswordHasher(new Argon2Settings(1024, 1, 1)), clock);
        pops = new PopService(database, clock);
        new AccountService(database, clock).create(OPERATOR, new AccountDraft(ACCOUNT, "Acme", 1_000_000,
                Map.of(SlotType.LIVE_PUSH, 100)));
        PopRecord first = pops.create(OPERATOR, new PopDraft("eu1", Region.EUROPE, "https://127.0.0.1/live",
                "http://127.0.0.1/live"));
        PopRecord second = pops.create(OPERATOR, new PopDraft("eu2", Region.EUROPE, "https://127.0.0.1/live",
                "http://127.0.0.1/live"));
        eu1 = startNode(baseDir.resolve("eu1"), "eu1", 1, extraParameters);
        eu2 = startNode(baseDir.resolve("eu2"), "eu2", 2, extraParameters);
        eu1Pop = withNodeUrls(first, eu1);
        eu2Pop = withNodeUrls(second, eu2);
    }

    /** The JDBC URL a component talks to the cluster with, preferring Galera node {@code first}, with time-outs. */
    public String jdbcUrl(int first) {
        return ConnectionTimeouts.applyTo(cluster.sequentialUrl(schema.name(), first) + "?user=root");
    }

    /** The storage root of a node. */
    public Path storage(LiveTomcat node) {
        return Path.of(node == eu1 ? storageRoots.get("eu1") : storageRoots.get("eu2"));
    }

    private LiveTomcat startNode(Path dir, String pop, int galeraNode, Map<String, String> extraParameters)
            throws Exception {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        storageRoots.put(pop, storage.toString());
        Map<String, String> parameters = new HashMap<>(Map.of("storage.root", storage.toString(),
                "origin.nodeId", "node-" + pop, "origin.pop", pop, "origin.slotRefreshSeconds", "1"));
        parameters.putAll(extraParameters);
        return LiveTomcat.start(jdbcUrl(galeraNode), dir.resolve("tomcat"), parameters);
    }

    private PopRecord withNodeUrls(PopRecord pop, LiveTomcat node) {
        return pops.update(OPERATOR, pop.id(), new PopDraft(pop.name(), Region.EUROPE,
                node.https("").toString(), node.http("").toString()));
    }

    /** Creates a slot with primary PoP {@code eu1}, backup PoP {@code eu2}, the standard credential and 2 s segments. */
    public SlotRecord slot(String name) throws Exception {
        SlotRecord slot = createSlot(name);
        awaitServed(eu1, name);
        awaitServed(eu2, name);
        return slot;
    }

    /** Creates the slot {@link #slot(String)} creates, without waiting for the nodes. */
    public SlotRecord createSlot(String name) {
        return slots.create(OPERATOR, ACCOUNT, new SlotDraft(name, null, SlotType.LIVE_PUSH, Region.EUROPE,
                eu1Pop.id(), eu2Pop.id(), true, 5000, 2000, 300, false, List.of(new NewCredential(USER, PASSWORD)),
                List.of(), List.of(), null, null));
    }

    /**
     * Waits until {@code node} serves the slot: an authenticated GET of a missing file then answers 404, not 401.
     */
    public static void awaitServed(LiveTomcat node, String slotName) throws Exception {
        HttpClient client = node.client();
        long deadline = System.nanoTime() + SERVED_LIMIT_NANOS;
        while (System.nanoTime() < deadline) {
            int status = client.send(HttpRequest.newBuilder(ingestUrl(node, slotName, "probe.ts"))
                    .header("Authorization", basic(USER, PASSWORD)).GET().build(), BodyHandlers.discarding())
                    .statusCode();
            if (status == 404) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Node " + node.https("") + " did not load slot " + slotName + " in 20 seconds");
    }

    /** {@code https://127.0.0.1:<port>/live/push/acme/<slot>/<file>} on {@code node}. */
    public static URI ingestUrl(LiveTomcat node, String slotName, String file) {
        return node.https("/push/" + ACCOUNT + "/" + slotName + "/" + file);
    }

    /** {@code http://127.0.0.1:<port>/live/play/acme/<slot>/<file>} on {@code node}. */
    public static URI playbackUrl(LiveTomcat node, String slotName, String file) {
        return node.http("/play/" + ACCOUNT + "/" + slotName + "/" + file);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        try {
            eu1.close();
        } finally {
            try {
                eu2.close();
            } finally {
                database.close();
                portalPool.close();
                schema.close();
            }
        }
    }
}
