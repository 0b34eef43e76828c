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
 * has an account ({@code acme}); the fixture's services (the portal's side) talk to Galera node 3; both PoPs carry
 * the nodes' real ingest and playback URLs. {@link #slot(String)} creates a slot with primary PoP {@code eu1} and
 * backup PoP {@code eu2} and waits until both nodes serve it. {@link #onSeededSchema} starts the two nodes on a schema
 * someone else seeded, such as the one under admin-ui's {@code AdminServer}.
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
    private final Map<String, String> extraParameters;
    private final Path baseDir;
    private final MariaDbPoolDataSource portalPool;
    private final boolean ownsSchema;

    /**
     * Starts both nodes under {@code baseDir} ({@code eu1/} and {@code eu2/}, each with its {@code storage/}) on a
     * fresh schema with the account and both PoPs.
     *
     * @param extraParameters context parameters both nodes get on top of node id, PoP, storage root and a 1 s slot
     *                        refresh (for example short heartbeat or peer time-outs)
     */
    public TwoPopOrigins(Path baseDir, Map<String, String> extraParameters) throws Exception {
        this(GaleraCluster.shared(), null, baseDir, extraParameters);
    }

    /**
     * Starts both nodes as {@link #TwoPopOrigins(Path, Map)} does, on {@code schema} of the shared cluster, which
     * already has the account {@value #ACCOUNT} and the PoPs {@code eu1} and {@code eu2}; their URLs are set to the
     * nodes'. Closing stops the nodes and leaves the schema to its owner.
     */
    public static TwoPopOrigins onSeededSchema(TestSchema schema, Path baseDir, Map<String, String> extraParameters)
            throws Exception {
        return new TwoPopOrigins(GaleraCluster.shared(), schema, baseDir, extraParameters);
    }

    private TwoPopOrigins(GaleraCluster cluster, TestSchema seeded, Path baseDir, Map<String, String> extraParameters)
            throws Exception {
        SwitchableJndiDataSource.setDown(false);
        this.cluster = cluster;
        this.extraParameters = Map.copyOf(extraParameters);
        this.baseDir = baseDir;
        ownsSchema = seeded == null;
        schema = ownsSchema ? cluster.freshSchema() : seeded;
        // The portal's side (services of this fixture) talks to Galera node 3, as admin.war would.
        portalPool = new MariaDbPoolDataSource(jdbcUrl(3) + "&maxPoolSize=4&minPoolSize=0");
        database = Database.open(portalPool, ownsSchema);
        slots = new SlotService(database, new PasswordHasher(new Argon2Settings(1024, 1, 1)), clock);
        pops = new PopService(database, clock);
        if (ownsSchema) {
            new AccountService(database, clock).create(OPERATOR, new AccountDraft(ACCOUNT, "Acme", 1_000_000,
                    Map.of(SlotType.LIVE_PUSH, 100)));
            for (String pop : List.of("eu1", "eu2")) {
                pops.create(OPERATOR, new PopDraft(pop, Region.EUROPE, "https://127.0.0.1/live",
                        "http://127.0.0.1/live"));
            }
        }
        eu1 = startNode(baseDir.resolve("eu1"), "tomcat", "eu1", 1);
        eu2 = startNode(baseDir.resolve("eu2"), "tomcat", "eu2", 2);
        eu1Pop = withNodeUrls(pop("eu1"), eu1);
        eu2Pop = withNodeUrls(pop("eu2"), eu2);
    }

    /** The JDBC URL a component talks to the cluster with, preferring Galera node {@code first}, with time-outs. */
    public String jdbcUrl(int first) {
        return jdbcUrl(cluster, schema, first);
    }

    /** The JDBC URL of {@code schema} on {@code cluster}, preferring Galera node {@code first}, with time-outs. */
    public static String jdbcUrl(GaleraCluster cluster, TestSchema schema, int first) {
        return ConnectionTimeouts.applyTo(cluster.sequentialUrl(schema.name(), first) + "?user=root");
    }

    /** The storage root of a node. */
    public Path storage(LiveTomcat node) {
        return Path.of(node == eu1 ? storageRoots.get("eu1") : storageRoots.get("eu2"));
    }

    /** Starts the node of {@code pop}: its storage in {@code dir/storage}, Tomcat's files in {@code dir/tomcatDir}. */
    private LiveTomcat startNode(Path dir, String tomcatDir, String pop, int galeraNode) throws Exception {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        storageRoots.put(pop, storage.toString());
        Map<String, String> parameters = new HashMap<>(Map.of("storage.root", storage.toString(),
                "origin.nodeId", "node-" + pop, "origin.pop", pop, "origin.slotRefreshSeconds", "1"));
        parameters.putAll(extraParameters);
        return LiveTomcat.start(jdbcUrl(galeraNode), dir.resolve(tomcatDir), parameters);
    }

    /**
     * Starts node {@code eu2} again after {@code eu2.close()}: the same node id, storage and Galera node, new ports,
     * which its PoP is given. Returns the new node ({@link #eu2} still names the stopped one); the caller closes it.
     */
    public LiveTomcat restartEu2() throws Exception {
        LiveTomcat restarted = startNode(baseDir.resolve("eu2"), "tomcat-restarted", "eu2", 2);
        withNodeUrls(pop("eu2"), restarted);
        return restarted;
    }

    private PopRecord pop(String name) {
        return pops.list().stream().filter(pop -> pop.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No PoP " + name + " in " + schema.name()));
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
                if (ownsSchema) {
                    schema.close();
                }
            }
        }
    }
}
