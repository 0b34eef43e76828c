package io.livepush.origin;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.livepush.service.SlotService;
import io.livepush.store.Database;
import io.livepush.testing.SwitchableJndiDataSource;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built {@code live.war}, imported as it is and deployed by Arquillian into its embedded Tomcat 11 the way a host
 * deploys it: the WAR's own {@code web.xml} (listeners, servlet and filter mappings, MIME mappings, resource-ref) and
 * a context file like tomcat-conf's {@code live.xml} (parameters, the {@code jdbc/livepush} DataSource, the storage
 * mounted at {@code /play}) added as {@code META-INF/context.xml}. The bootstrap listener reads its slots from a test
 * schema.
 * The container has only a plain-HTTP connector; the HTTPS paths are covered by the ITs that embed Tomcat directly.
 */
@ExtendWith(ArquillianExtension.class)
class LiveWarIT {

    private static final Actor OPERATOR = Actor.operator("ops");
    private static final String MPD = "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\"/>\n";

    private static TestSchema schema;
    private static Path storage;

    @ArquillianResource
    private URL base;

    private final HttpClient client = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive liveWar() throws Exception {
        schema = TestDatabases.freshSchema();
        storage = Files.createTempDirectory("livepush-arquillian-storage");
        createSlot(schema);
        Path slot = Files.createDirectories(storage.resolve("acme/cam1"));
        Files.writeString(slot.resolve("manifest.mpd"), MPD);
        Files.writeString(slot.resolve("index.m3u8"), "#EXTM3U\n");
        Files.write(slot.resolve("seg_00001.m4s"), new byte[] {0, 0, 0, 8});
        Files.write(slot.resolve("seg_00001.ts"), new byte[] {0x47});
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("livepush.warFile", "target/live.war")));
        return war.add(new StringAsset(contextXml(schema.jdbcUrl(), storage)), "META-INF/context.xml");
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            // The WAR is undeployed after this; until then its sync thread finds the database gone, as in an outage.
            SwitchableJndiDataSource.setDown(true);
            schema.close();
            SwitchableJndiDataSource.setDown(false);
        }
    }

    @Test
    void deployedPlaybackServesStoredObjectsWithTheirTypesAndNosniff() throws Exception {
        Map<String, String> types = Map.of(
                "manifest.mpd", "application/dash+xml",
                "index.m3u8", "application/vnd.apple.mpegurl",
                "seg_00001.m4s", "video/iso.segment",
                "seg_00001.ts", "video/mp2t");
        for (Map.Entry<String, String> entry : types.entrySet()) {
            HttpResponse<String> response = send("GET", "play/acme/cam1/" + entry.getKey());

            assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(describe(response))
                    .hasValueSatisfying(type -> assertThat(type).startsWith(entry.getValue()));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(describe(response))
                    .hasValue("nosniff");
        }
        assertThat(send("GET", "play/acme/cam1/manifest.mpd").body()).isEqualTo(MPD);
    }

    @Test
    void playbackOfAnUnknownSlotAnswers404() throws Exception {
        HttpResponse<String> response = send("GET", "play/acme/nosuchslot/index.m3u8");

        assertThat(response.statusCode()).as(describe(response)).isEqualTo(404);
    }

    @Test
    void playbackRefusesPutWith405AndAllow() throws Exception {
        HttpResponse<String> response = send("PUT", "play/acme/cam1/seg_00002.ts");

        assertThat(response.statusCode()).as(describe(response)).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).as(describe(response)).hasValue("GET, HEAD, OPTIONS");
        assertThat(storage.resolve("acme/cam1/seg_00002.ts")).doesNotExist();
    }

    @Test
    void ingestIsMappedAndRefusesPlainHttpWith403() throws Exception {
        HttpResponse<String> response = send("PUT", "push/acme/cam1/seg_00002.ts");

        assertThat(response.statusCode()).as(describe(response)).isEqualTo(403);
        assertThat(response.body()).contains("Publishing requires HTTPS");
        assertThat(storage.resolve("acme/cam1/seg_00002.ts")).doesNotExist();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = base.toURI().resolve(path);
        HttpRequest.BodyPublisher body = method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("x")
                : HttpRequest.BodyPublishers.noBody();
        return client.send(HttpRequest.newBuilder(uri).method(method, body).build(), BodyHandlers.ofString());
    }

    private static String describe(HttpResponse<String> response) {
        return response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
                + response.headers().map() + "\n" + response.body();
    }

    /** An account, a PoP and a slot {@code acme/cam1} without MediaVault or viewer rules, served by PoP eu1. */
    private static void createSlot(TestSchema schema) {
        Clock clock = Clock.systemUTC();
        try (Database database = schema.openDatabase()) {
            new AccountService(database, clock).create(OPERATOR, new AccountDraft("acme", "Acme", 1_000_000,
                    Map.of(SlotType.LIVE_PUSH, 10)));
            PopRecord pop = new PopService(database, clock).create(OPERATOR, new PopDraft("eu1", Region.EUROPE,
                    "https://127.0.0.1/live", "http://127.0.0.1/live"));
            new SlotService(database, new PasswordHasher(new Argon2Settings(1024, 1, 1)), clock).create(OPERATOR,
                    "acme", new SlotDraft("cam1", null, SlotType.LIVE_PUSH, Region.EUROPE, pop.id(), null, false,
                            5000, 2000, 300, false, List.of(new NewCredential("encoder1", "publish-secret-1")),
                            List.of(),
                            List.of(), null, null));
        }
    }

    /**
     * What tomcat-conf's {@code conf/Catalina/localhost/live.xml} sets, with the test's values; the DataSource is the
     * test's pool over MariaDB Connector/J (the embedded container has no DBCP).
     */
    private static String contextXml(String jdbcUrl, Path storage) {
        String root = xml(storage.toString());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Context>
                  <Parameter name="origin.nodeId" value="arquillian-node" override="false" />
                  <Parameter name="origin.pop" value="eu1" override="false" />
                  <Parameter name="origin.slotRefreshSeconds" value="1" override="false" />
                  <Parameter name="storage.root" value="%s" override="false" />
                  <Resource name="jdbc/livepush" auth="Container" type="%s"
                            factory="org.apache.naming.factory.BeanFactory" url="%s" />
                  <Resources cachingAllowed="false">
                    <PreResources className="org.apache.catalina.webresources.DirResourceSet" base="%s"
                                  webAppMount="/play" readOnly="true" />
                  </Resources>
                </Context>
                """.formatted(root, SwitchableJndiDataSource.class.getName(), xml(jdbcUrl), root);
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
