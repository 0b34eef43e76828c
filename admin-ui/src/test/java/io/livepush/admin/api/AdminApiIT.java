package io.livepush.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livepush.admin.AdminServer;
import io.livepush.health.RenditionFacts;
import io.livepush.health.RenditionReport;
import io.livepush.health.RenditionState;
import io.livepush.service.RenditionHealthService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of {@code /api/v1} against the real WAR in Tomcat over MariaDB, including authentication and
 * authorisation failures across accounts.
 */
class AdminApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static AdminServer server;
    private static String alice;
    private static String bob;
    private static String ops;

    @BeforeAll
    static void start() throws Exception {
        server = new AdminServer();
        alice = server.tokens.create(AdminServer.ALICE, "ci").token();
        bob = server.tokens.create(AdminServer.BOB, "ci").token();
        ops = server.tokens.create(AdminServer.OPERATOR, "ci").token();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    record Reply(int status, HttpResponse<String> response, JsonNode json) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + response.headers().map() + "\n" + response.body();
        }
    }

    static Reply call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), response, json);
    }

    static String slotJson(String name, int kbps) {
        return """
                {"name": "%s", "description": "API test", "type": "live-push", "region": "europe",
                 "primaryPopId": %d, "backupPopId": %d, "useBackupIngest": true, "totalKbps": %d,
                 "segmentDurationMs": 4000, "fileExpirySeconds": 120,
                 "credentials": [{"username": "encoder1", "password": "%s"}],
                 "publishCidrs": ["192.0.2.0/24"], "viewerRules": [{"action": "deny", "cidr": "198.51.100.7"}],
                 "viewerDefault": "allow",
                 "mediaVault": {"mode": "URL", "primarySecret": "primarySecret1", "denyStatus": 403}}
                """.formatted(name, server.euPop.id(), server.euBackupPop.id(), kbps, AdminServer.PASSWORD);
    }

    @Test
    void openApiDocumentIsServedWithoutAuthentication() throws Exception {
        Reply reply = call("GET", "v1/openapi.json", null, null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("openapi").asText()).startsWith("3.");
        assertThat(reply.json().path("paths").has("/v1/slots/{name}")).isTrue();
    }

    @Test
    void requestWithoutCredentialsGets401WithChallenges() throws Exception {
        Reply reply = call("GET", "v1/slots", null, null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.response().headers().allValues("WWW-Authenticate"))
                .anyMatch(value -> value.startsWith("Bearer")).anyMatch(value -> value.startsWith("Basic"));
        assertThat(reply.json().path("error").asText()).isEqualTo("unauthorized");
        assertThat(reply.json().has("detail")).isTrue();
    }

    @Test
    void unknownTokenGets401() throws Exception {
        Reply reply = call("GET", "v1/slots", "lpt_0000000000000000000000000000000000000000", null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    }

    @Test
    void basicOverPlainHttpIsRefused() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("alice:" + AdminServer.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        Reply reply = call("GET", "v1/slots", basic, null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.json().path("detail").asText()).contains("HTTPS");
    }

    @Test
    void lowLatencyIsOffByDefaultSetByPutAndKeptWhenAPutLeavesItOut() throws Exception {
        Reply created = call("POST", "v1/slots", alice, slotJson("api-ll", 1000));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("lowLatency").isBoolean()).isTrue();
        assertThat(created.json().path("lowLatency").asBoolean()).isFalse();

        Reply on = call("PUT", "v1/slots/api-ll", alice, slotJson("api-ll", 1000)
                .replace("\"totalKbps\"", "\"lowLatency\": true, \"totalKbps\""));
        assertThat(on.status()).as(on.toString()).isEqualTo(204);
        assertThat(call("GET", "v1/slots/api-ll", alice, null).json().path("lowLatency").asBoolean()).isTrue();

        Reply without = call("PUT", "v1/slots/api-ll", alice, slotJson("api-ll", 1100));
        assertThat(without.status()).as(without.toString()).isEqualTo(204);
        Reply after = call("GET", "v1/slots/api-ll", alice, null);
        assertThat(after.json().path("totalKbps").asInt()).isEqualTo(1100);
        assertThat(after.json().path("lowLatency").asBoolean()).isTrue();

        Reply off = call("PUT", "v1/slots/api-ll", alice, slotJson("api-ll", 1100)
                .replace("\"totalKbps\"", "\"lowLatency\": false, \"totalKbps\""));
        assertThat(off.status()).as(off.toString()).isEqualTo(204);
        assertThat(call("GET", "v1/slots/api-ll", alice, null).json().path("lowLatency").asBoolean()).isFalse();
        Reply history = call("GET", "v1/slots/api-ll/history", alice, null);
        assertThat(history.response().body()).contains("lowLatency: false → true").contains("lowLatency: true → false");
    }

    @Test
    void slotLifecycleThroughTheApi() throws Exception {
        Reply created = call("POST", "v1/slots", alice, slotJson("api-cam", 2000));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/slots/api-cam?account=acme");
        assertThat(created.response().body()).doesNotContain("primarySecret1").doesNotContain(AdminServer.PASSWORD);
        assertThat(created.json().path("mediaVault").path("primarySecretSet").asBoolean()).isTrue();
        assertThat(created.json().path("urls").path("primaryIngest").asText())
                .isEqualTo("https://eu1.example.com/live/push/acme/api-cam/");

        Reply got = call("GET", "v1/slots/API-CAM", alice, null);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().path("credentials").get(0).path("username").asText()).isEqualTo("encoder1");
        assertThat(got.json().path("credentials").get(0).has("password")).isFalse();

        Reply updated = call("PUT", "v1/slots/api-cam", alice, slotJson("api-cam", 2500)
                .replace("\"mediaVault\": {\"mode\": \"URL\", \"primarySecret\": \"primarySecret1\", "
                        + "\"denyStatus\": 403}", "\"mediaVault\": null"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
        Reply after = call("GET", "v1/slots/api-cam", alice, null);
        assertThat(after.json().path("totalKbps").asInt()).isEqualTo(2500);
        assertThat(after.json().path("mediaVault").path("mode").asText()).isEqualTo("URL");

        Reply cloned = call("POST", "v1/slots/api-cam/clone", alice, """
                {"name": "api-cam-2", "credentials": [{"username": "encoder1", "password": "%s"}]}
                """.formatted(AdminServer.PASSWORD));
        assertThat(cloned.status()).as(cloned.toString()).isEqualTo(201);
        assertThat(cloned.json().path("totalKbps").asInt()).isEqualTo(2500);

        Reply added = call("POST", "v1/slots/api-cam/credentials", alice, """
                {"username": "encoder2", "password": "another-long-password"}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        Reply again = call("POST", "v1/slots/api-cam/credentials", alice, """
                {"username": "encoder2", "password": "another-long-password"}""");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        Reply removed = call("DELETE", "v1/slots/api-cam/credentials/encoder2", alice, null);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        Reply cleared = call("DELETE", "v1/slots/api-cam/credentials", alice, null);
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(204);
        assertThat(call("GET", "v1/slots/api-cam", alice, null).json().path("credentials").size()).isZero();

        Reply status = call("GET", "v1/slots/api-cam/status", alice, null);
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        assertThat(status.json().path("status").asText()).isEqualTo("LiveEventProvisioning");
        assertThat(status.json().path("live").asText()).isEqualTo("Inactive");
        String id = created.json().path("id").asText();
        java.time.Instant now = java.time.Instant.now();
        server.stats.report("node-a", java.util.List.of(new io.livepush.service.IngestReport(id, now, 2400, false,
                java.util.Map.of(201, 5L, 401, 1L), 1000, java.util.Map.of(201, 50L), 10_000, 1,
                "401 wrong password for user 'x'", now.minusSeconds(30))));
        Reply active = call("GET", "v1/slots/api-cam/status", alice, null);
        assertThat(active.json().path("live").asText()).as(active.toString()).isEqualTo("Active");
        assertThat(active.json().path("bitrateKbps").asInt()).isEqualTo(2400);
        assertThat(active.json().path("requestsLastMinute").path("401").asLong()).isEqualTo(1);
        assertThat(active.json().path("lastError").asText()).contains("wrong password");
        Reply listed = call("GET", "v1/slots?sort=name", alice, null);
        assertThat(listed.response().body()).contains("\"live\":\"Active\"");

        Reply history = call("GET", "v1/slots/api-cam/history", alice, null);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().size()).isGreaterThanOrEqualTo(4);
        assertThat(history.response().body()).doesNotContain("primarySecret1").doesNotContain(AdminServer.PASSWORD);

        Reply deleted = call("DELETE", "v1/slots/api-cam-2", alice, null);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        // Deleting until every ingest node has removed the files; then it disappears.
        assertThat(call("GET", "v1/slots/api-cam-2", alice, null).json().path("status").asText())
                .isEqualTo("Deleting");
    }

    @Test
    void healthListsEveryRenditionJudgedWhenReadAndOnlyToTheSlotsAccount() throws Exception {
        Reply created = call("POST", "v1/slots", alice, slotJson("health-cam", 100));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Reply empty = call("GET", "v1/slots/health-cam/health", alice, null);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
        assertThat(empty.json().path("renditions").size()).isZero();
        String id = created.json().path("id").asText();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        RenditionFacts facts = new RenditionFacts(Duration.ofSeconds(4), now, null, null, null,
                now.minusSeconds(60));
        new RenditionHealthService(server.database, server.clock).report("node-a",
                List.of(new RenditionReport(id, "720p/index.m3u8", "hls", facts,
                        RenditionState.HEALTHY, 77L, now, 0, 2, 2900, 3000, 1,
                        now.minusSeconds(90), 3)), List.of());

        Reply health = call("GET", "v1/slots/health-cam/health", alice, null);

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.header("Content-Type")).startsWith("application/json");
        assertThat(health.json().path("slot").asText()).isEqualTo("health-cam");
        JsonNode rendition = health.json().path("renditions").path(0);
        assertThat(rendition.path("rendition").asText()).isEqualTo("720p/index.m3u8");
        assertThat(rendition.path("node").asText()).isEqualTo("node-a");
        assertThat(rendition.path("state").asText()).as(health.toString()).isEqualTo("healthy");
        assertThat(rendition.path("since").asText()).isEqualTo(now.minusSeconds(60).toString());
        assertThat(rendition.path("lastSequence").asLong()).isEqualTo(77);
        assertThat(rendition.path("segmentDurationSeconds").asDouble()).isEqualTo(4.0);
        assertThat(rendition.path("measuredKbps").asInt()).isEqualTo(2900);
        assertThat(rendition.path("declaredKbps").asInt()).isEqualTo(3000);
        assertThat(rendition.path("missingSegmentsTotal").asLong()).isEqualTo(2);
        assertThat(rendition.path("sequenceResets").asInt()).isEqualTo(1);
        assertThat(rendition.path("discontinuities").asLong()).isEqualTo(3);
        assertThat(call("GET", "v1/slots/health-cam/health", bob, null).status()).isEqualTo(404);
        assertThat(call("GET", "v1/slots/health-cam/health?account=acme", bob, null).status()).isEqualTo(404);
        assertThat(call("GET", "v1/slots/no-such-cam/health", alice, null).status()).isEqualTo(404);
        assertThat(call("GET", "v1/slots/health-cam/health", ops, null).status()).isEqualTo(400);
        assertThat(call("GET", "v1/slots/health-cam/health?account=acme", ops, null).status()).isEqualTo(200);
        assertThat(call("GET", "v1/slots/health-cam/health", null, null).status()).isEqualTo(401);
    }

    @Test
    void listFiltersSortsAndPages() throws Exception {
        for (String name : new String[] {"list-b", "list-a", "list-c"}) {
            assertThat(call("POST", "v1/slots", alice, slotJson(name, 100)).status()).isEqualTo(201);
        }
        Reply page = call("GET", "v1/slots?sort=name&limit=2&region=europe&type=live-push", alice, null);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().path("items").size()).isEqualTo(2);
        assertThat(page.json().path("total").asLong()).isGreaterThanOrEqualTo(3);
        Reply asia = call("GET", "v1/slots?region=asia-pacific", alice, null);
        assertThat(asia.json().path("total").asLong()).isZero();
        Reply bad = call("GET", "v1/slots?region=mars", alice, null);
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().path("detail").asText()).contains("mars");
    }

    @Test
    void duplicateNameIs409AndInvalidInputIs422WithFields() throws Exception {
        assertThat(call("POST", "v1/slots", alice, slotJson("dup-cam", 100)).status()).isEqualTo(201);
        Reply taken = call("POST", "v1/slots", alice, slotJson("DUP-cam", 100));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.json().path("error").asText()).isEqualTo("name_taken");
        Reply badName = call("POST", "v1/slots", alice, slotJson("-bad-", 100));
        assertThat(badName.status()).as(badName.toString()).isEqualTo(422);
        assertThat(badName.json().path("fields").has("name")).isTrue();
        Reply invalid = call("POST", "v1/slots", alice, slotJson("fine", 50).replace("192.0.2.0/24", "10.0.0.1/8"));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(422);
        assertThat(invalid.json().path("fields").has("totalKbps")).isTrue();
        assertThat(invalid.json().path("fields").has("publishCidrs[0]")).isTrue();
        Reply badJson = call("POST", "v1/slots", alice, "{not json");
        assertThat(badJson.status()).as(badJson.toString()).isEqualTo(400);
        assertThat(badJson.json().path("error").asText()).isEqualTo("bad_json");
    }

    @Test
    void entitlementExceededIs409() throws Exception {
        Reply tooBig = call("POST", "v1/slots", bob, slotJson("huge", 20_000));
        assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(409);
        assertThat(tooBig.json().path("error").asText()).isEqualTo("entitlement_exceeded");
    }

    @Test
    void anotherAccountsSlotIsNotFound() throws Exception {
        assertThat(call("POST", "v1/slots", alice, slotJson("private-cam", 100)).status()).isEqualTo(201);
        Reply byName = call("GET", "v1/slots/private-cam?account=acme", bob, null);
        assertThat(byName.status()).as(byName.toString()).isEqualTo(404);
        assertThat(call("GET", "v1/slots?account=acme", bob, null).status()).isEqualTo(404);
        assertThat(call("DELETE", "v1/slots/private-cam?account=acme", bob, null).status()).isEqualTo(404);
        assertThat(call("GET", "v1/slots/private-cam", bob, null).status()).isEqualTo(404);
        assertThat(call("GET", "v1/slots/private-cam?account=acme", ops, null).status()).isEqualTo(200);
    }

    @Test
    void operatorMustNameTheAccount() throws Exception {
        Reply reply = call("GET", "v1/slots", ops, null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().path("detail").asText()).contains("account");
    }

    @Test
    void accountsAreOperatorBusiness() throws Exception {
        Reply own = call("GET", "v1/accounts", alice, null);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().size()).isEqualTo(1);
        assertThat(own.json().get(0).path("shortname").asText()).isEqualTo("acme");
        String account = """
                {"shortname": "initech", "displayName": "Initech", "livePushKbps": 5000,
                 "entitlements": {"live-push": 2}}""";
        Reply refused = call("POST", "v1/accounts", alice, account);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("error").asText()).isEqualTo("forbidden");
        Reply created = call("POST", "v1/accounts", ops, account);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Reply updated = call("PUT", "v1/accounts/initech", ops, account.replace("5000", "6000"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
        assertThat(call("GET", "v1/accounts/initech", ops, null).json().path("livePushKbps").asInt()).isEqualTo(6000);
        assertThat(call("GET", "v1/accounts/globex", alice, null).status()).isEqualTo(404);
        Reply entitlements = call("GET", "v1/accounts/acme/entitlements", alice, null);
        assertThat(entitlements.status()).as(entitlements.toString()).isEqualTo(200);
        assertThat(entitlements.json().path("kbpsCapacity").asInt()).isEqualTo(500_000);
    }

    @Test
    void popsAreListedForAllAndChangedByOperators() throws Exception {
        Reply list = call("GET", "v1/pops", alice, null);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().size()).isGreaterThanOrEqualTo(3);
        String pop = """
                {"name": "ap1", "region": "asia-pacific", "ingestBaseUrl": "https://ap1.example.com/live",
                 "playbackBaseUrl": "https://play-ap1.example.com/live"}""";
        assertThat(call("POST", "v1/pops", alice, pop).status()).isEqualTo(403);
        Reply created = call("POST", "v1/pops", ops, pop);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        Reply updated = call("PUT", "v1/pops/" + id, ops, pop.replace("ap1.example", "ap9.example"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
        Reply httpIngest = call("PUT", "v1/pops/" + id, ops, pop.replace("https://ap1", "http://ap1"));
        assertThat(httpIngest.status()).as(httpIngest.toString()).isEqualTo(422);
        assertThat(call("DELETE", "v1/pops/" + id, ops, null).status()).isEqualTo(204);
        assertThat(call("DELETE", "v1/pops/" + id, ops, null).status()).isEqualTo(404);
    }

    @Test
    void aPopsHttpsPlaybackBaseIsOptionalAndMustBeHttps() throws Exception {
        String pop = """
                {"name": "ap2", "region": "asia-pacific", "ingestBaseUrl": "https://ap2.example.com:8443/live",
                 "playbackBaseUrl": "http://ap2.example.com:8080/live",
                 "playbackHttpsBaseUrl": "https://ap2.example.com:8443/live/"}""";
        Reply created = call("POST", "v1/pops", ops, pop);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        Reply listed = call("GET", "v1/pops", ops, null);
        assertThat(listed.response().body()).as(listed.toString())
                .contains("\"playbackHttpsBaseUrl\":\"https://ap2.example.com:8443/live\"");
        Reply plain = call("PUT", "v1/pops/" + id, ops, pop.replace("https://ap2.example.com:8443/live/",
                "http://ap2.example.com:8443/live"));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(422);
        assertThat(plain.response().body()).contains("playbackHttpsBaseUrl");
        Reply cleared = call("PUT", "v1/pops/" + id, ops, pop.replace("\"https://ap2.example.com:8443/live/\"",
                "null"));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(204);
        assertThat(call("GET", "v1/pops", ops, null).response().body()).contains("\"playbackHttpsBaseUrl\":null");
        assertThat(call("DELETE", "v1/pops/" + id, ops, null).status()).isEqualTo(204);
    }

    @Test
    void unknownPathAndWrongMethodAnswerInJson() throws Exception {
        Reply missing = call("GET", "v1/nothing", alice, null);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(missing.json().has("error")).isTrue();
        Reply method = call("PATCH", "v1/pops", alice, "{}");
        assertThat(method.status()).as(method.toString()).isEqualTo(405);
        assertThat(method.header("Allow")).contains("GET");
    }

    @Test
    void playerScriptIsServedFromItsWebJar() throws Exception {
        HttpResponse<String> script = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "webjars/hls.js/1.4.12/dist/hls.min.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("Hls");
    }

    @Test
    void revokedTokenStopsWorking() throws Exception {
        var issued = server.tokens.create(AdminServer.ALICE, "short-lived");
        assertThat(call("GET", "v1/pops", issued.token(), null).status()).isEqualTo(200);
        server.tokens.revoke(AdminServer.ALICE, issued.record().id());
        assertThat(call("GET", "v1/pops", issued.token(), null).status()).isEqualTo(401);
    }
}
