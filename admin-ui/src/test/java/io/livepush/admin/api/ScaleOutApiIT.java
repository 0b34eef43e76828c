package io.livepush.admin.api;

import static io.livepush.testing.TwoPopOrigins.PASSWORD;
import static io.livepush.testing.TwoPopOrigins.USER;
import static io.livepush.testing.TwoPopProbes.awaitIngestStatus;
import static io.livepush.testing.TwoPopProbes.awaitPlaylist;
import static io.livepush.testing.TwoPopProbes.bothServeTheSameSegments;
import static io.livepush.testing.TwoPopProbes.ingestStatus;
import static io.livepush.testing.TwoPopProbes.pushGoesOn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livepush.admin.AdminConfig;
import io.livepush.admin.AdminServer;
import io.livepush.testing.ExternalTools;
import io.livepush.testing.GaleraCluster;
import io.livepush.testing.LiveTomcat;
import io.livepush.testing.StepTimings;
import io.livepush.testing.TestSchema;
import io.livepush.testing.TwoPopOrigins;
import io.livepush.testing.TwoPopProbes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out end to end through the portal's REST API (issue 14): a three-node Galera cluster, {@code live.war} as node
 * {@code node-eu1} of PoP {@code eu1} on Galera node 1 and as {@code node-eu2} of PoP {@code eu2} on Galera node 2,
 * and {@code admin.war} on Galera node 3 (with {@code wsrep_sync_wait=1}, as docs/scale-out.md advises). An account
 * admin's API token does everything a customer would:
 * <ol>
 * <li>{@code POST /api/v1/slots} with primary {@code eu1} and backup {@code eu2}: {@code LiveEventProvisioning}, then
 * {@code Published}, and at that moment both nodes already accept the slot's credential;</li>
 * <li>one ffmpeg (tee muxer) pushes the same HLS to both ingest URLs, and both nodes serve it;</li>
 * <li>a credential added through the API is accepted by both nodes within 5 s;</li>
 * <li>Galera node 1 is killed: both nodes keep taking segments, and the API keeps answering and changing the slot;</li>
 * <li>node {@code eu2} stops: the API reports the slot {@code Not_Provisioned} naming PoP {@code eu2} (with the
 * short limits {@value #NODE_SILENCE_SECONDS} s of silence and {@value #PROVISIONING_SECONDS} s to provision);
 * started again, the slot is {@code Published} again;</li>
 * <li>{@code DELETE /api/v1/slots/cam1}: both nodes refuse the slot and remove its files.</li>
 * </ol>
 * Each step's time goes to {@code target/scale-out-api-timings.txt} for docs/scale-out.md.
 */
class ScaleOutApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration CHANGE_LIMIT = Duration.ofSeconds(5);
    private static final int PUSH_SECONDS = 30;
    private static final int NODE_SILENCE_SECONDS = 6;
    private static final int PROVISIONING_SECONDS = 20;
    private static final String SLOT = "cam1";

    @TempDir
    Path baseDir;

    private final StepTimings timings = new StepTimings();
    private AdminServer admin;
    private String token;

    record Reply(int status, JsonNode json, String body) {
    }

    @Test
    void aSlotMadeThroughTheApiRunsOnTwoPopsThroughADatabaseAndAnIngestNodeFailure() throws Exception {
        ExternalTools.assumeInstalled("apt-get install -y ffmpeg", "ffmpeg");
        GaleraCluster cluster = GaleraCluster.shared();
        TestSchema schema = cluster.freshSchema();
        String adminUrl = TwoPopOrigins.jdbcUrl(cluster, schema, 3) + "&sessionVariables=wsrep_sync_wait=1";
        try (AdminServer server = new AdminServer(schema, adminUrl, Map.of(
                AdminConfig.NODE_SILENCE_SECONDS, String.valueOf(NODE_SILENCE_SECONDS),
                AdminConfig.PROVISIONING_TIMEOUT_SECONDS, String.valueOf(PROVISIONING_SECONDS)));
                TwoPopOrigins fx = TwoPopOrigins.onSeededSchema(schema, baseDir, Map.of())) {
            admin = server;
            token = server.tokens.create(AdminServer.ALICE, "scale-out").token();
            slotIsPublishedOnlyOnceBothNodesLoadedIt(fx);
            Process ffmpeg = ExternalTools.start(TwoPopProbes.teeCommand(fx, SLOT, PUSH_SECONDS),
                    output("scale-out-ffmpeg.log"));
            try {
                awaitPlaylist(fx.eu1, SLOT);
                awaitPlaylist(fx.eu2, SLOT);
                bothServeTheSameSegments(fx, SLOT);
                credentialChangeReachesBoth(fx.eu1, fx.eu2, "encoder2", "publish-secret-2",
                        "credential added through the API");
                pushAndApiSurviveLosingGaleraNode1(fx);
                assertThat(ExternalTools.awaitExit(ffmpeg, Duration.ofSeconds(PUSH_SECONDS + 30), "ffmpeg"))
                        .as("ffmpeg's exit code; see " + output("scale-out-ffmpeg.log")).isZero();
            } finally {
                ExternalTools.stop(ffmpeg);
            }
            try (LiveTomcat eu2 = stoppedNodeIsReportedAndRecovers(fx)) {
                deleteReachesBoth(fx, eu2);
            }
        } finally {
            timings.writeTo(output("scale-out-api-timings.txt"));
        }
    }

    private void slotIsPublishedOnlyOnceBothNodesLoadedIt(TwoPopOrigins fx) throws Exception {
        long created = System.nanoTime();
        Reply reply = call("POST", "v1/slots", slotJson(fx));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().path("status").asText()).as("status before any node loaded the slot")
                .isEqualTo("LiveEventProvisioning");
        awaitSlot(status -> status.equals("Published"), Duration.ofSeconds(20), "Published");
        timings.record("slot created through the API -> Published", created);
        // Published means every live node of both PoPs has loaded the slot: no waiting here.
        assertThat(ingestStatus(fx.eu1, SLOT, USER, PASSWORD)).as("eu1 when the slot is Published").isEqualTo(404);
        assertThat(ingestStatus(fx.eu2, SLOT, USER, PASSWORD)).as("eu2 when the slot is Published").isEqualTo(404);
    }

    private String slotJson(TwoPopOrigins fx) {
        return """
                {"name": "%s", "description": "scale-out", "type": "live-push", "region": "europe",
                 "primaryPopId": %d, "backupPopId": %d, "useBackupIngest": true, "totalKbps": 5000,
                 "segmentDurationMs": 2000, "fileExpirySeconds": 300,
                 "credentials": [{"username": "%s", "password": "%s"}],
                 "publishCidrs": [], "viewerRules": [], "viewerDefault": "allow"}
                """.formatted(SLOT, fx.eu1Pop.id(), fx.eu2Pop.id(), USER, PASSWORD);
    }

    private void credentialChangeReachesBoth(LiveTomcat eu1, LiveTomcat eu2, String user, String password,
            String what) throws Exception {
        long changed = System.nanoTime();
        Reply reply = call("POST", "v1/slots/" + SLOT + "/credentials",
                "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        awaitIngestStatus(eu1, SLOT, user, password, status -> status == 404);
        awaitIngestStatus(eu2, SLOT, user, password, status -> status == 404);
        long millis = timings.record(what + " -> accepted by both nodes", changed);
        assertThat(millis).as(what + " reached both nodes (ms)").isLessThan(CHANGE_LIMIT.toMillis());
    }

    private void pushAndApiSurviveLosingGaleraNode1(TwoPopOrigins fx) throws Exception {
        long killed = System.nanoTime();
        fx.cluster.node(1).kill();
        pushGoesOn(fx.eu1, SLOT);
        pushGoesOn(fx.eu2, SLOT);
        timings.record("Galera node 1 killed -> both nodes took new segments", killed);
        Reply slot = call("GET", "v1/slots/" + SLOT, null);
        assertThat(slot.status()).as(slot.body()).isEqualTo(200);
        credentialChangeReachesBoth(fx.eu1, fx.eu2, "encoder3", "publish-secret-3",
                "credential added through the API after Galera node 1 died");
        awaitSlot(status -> status.equals("Published"), Duration.ofSeconds(20), "Published");
    }

    /**
     * Stops node {@code eu2}: once its heartbeat is older than the node-silence limit, the slot is reported with the
     * PoP that has no live node. Starts it again (same node id and storage) and waits for {@code Published}.
     */
    private LiveTomcat stoppedNodeIsReportedAndRecovers(TwoPopOrigins fx) throws Exception {
        long stopped = System.nanoTime();
        fx.eu2.close();
        JsonNode slot = awaitSlot(status -> status.equals("Not_Provisioned"),
                Duration.ofSeconds(NODE_SILENCE_SECONDS + PROVISIONING_SECONDS + 20L), "Not_Provisioned");
        long millis = timings.record("node eu2 stopped -> the API reports the slot Not_Provisioned", stopped);
        assertThat(slot.path("statusReason").asText())
                .isEqualTo("No ingest node of PoP 'eu2' has reported in the last " + NODE_SILENCE_SECONDS
                        + " seconds");
        assertThat(millis).as("not before the node-silence limit").isGreaterThanOrEqualTo(
                Duration.ofSeconds(NODE_SILENCE_SECONDS - 2L).toMillis());
        long restarting = System.nanoTime();
        LiveTomcat eu2 = fx.restartEu2();
        awaitSlot(status -> status.equals("Published"), Duration.ofSeconds(20), "Published");
        timings.record("node eu2 started again -> Published", restarting);
        return eu2;
    }

    private void deleteReachesBoth(TwoPopOrigins fx, LiveTomcat eu2) throws Exception {
        Path eu1Files = fx.storage(fx.eu1).resolve(TwoPopOrigins.ACCOUNT).resolve(SLOT);
        Path eu2Files = fx.storage(fx.eu2).resolve(TwoPopOrigins.ACCOUNT).resolve(SLOT);
        assertThat(eu1Files).as("eu1's copy before the delete").isDirectory();
        assertThat(eu2Files).as("eu2's copy before the delete").isDirectory();
        long deleted = System.nanoTime();
        Reply reply = call("DELETE", "v1/slots/" + SLOT, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        awaitIngestStatus(fx.eu1, SLOT, "encoder3", "publish-secret-3", status -> status == 401);
        awaitIngestStatus(eu2, SLOT, "encoder3", "publish-secret-3", status -> status == 401);
        timings.record("slot deleted through the API -> refused by both nodes", deleted);
        awaitGone(eu1Files);
        awaitGone(eu2Files);
        awaitApiStatus("v1/slots/" + SLOT, 404, Duration.ofSeconds(20));
        timings.record("slot deleted through the API -> files removed on both nodes, slot gone from the API",
                deleted);
    }

    /** Polls {@code GET /api/v1/slots/cam1} until its status matches; returns the slot's JSON. */
    private JsonNode awaitSlot(Predicate<String> expected, Duration limit, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Reply reply = call("GET", "v1/slots/" + SLOT, null);
        while (!isSlotWith(reply, expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = call("GET", "v1/slots/" + SLOT, null);
        }
        assertThat(isSlotWith(reply, expected)).as("slot %s within %s; last answer %s %s", what, limit,
                reply.status(), reply.body()).isTrue();
        return reply.json();
    }

    private static boolean isSlotWith(Reply reply, Predicate<String> expected) {
        return reply.status() == 200 && expected.test(reply.json().path("status").asText());
    }

    private void awaitApiStatus(String path, int expected, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Reply reply = call("GET", path, null);
        while (reply.status() != expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reply = call("GET", path, null);
        }
        assertThat(reply.status()).as("GET %s; %s", path, reply.body()).isEqualTo(expected);
    }

    private static void awaitGone(Path directory) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.exists(directory) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(directory).as("the slot's files after the delete").doesNotExist();
    }

    private Reply call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin.baseUrl() + "api/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), json, response.body());
    }

    private static Path output(String name) {
        return AdminServer.targetDir().resolve(name);
    }
}
