package io.livepush.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livepush.admin.AdminServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the API does with input that is malformed, out of range, too large or full of control characters. */
class ApiInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static AdminServer server;
    private static String alice;
    private static String ops;

    @BeforeAll
    static void start() throws Exception {
        server = new AdminServer();
        alice = server.tokens.create(AdminServer.ALICE, "ci").token();
        ops = server.tokens.create(AdminServer.OPERATOR, "ci").token();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return post(path, body, alice);
    }

    private static HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, String token)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/" + path)).POST(body)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static String slot(String name, String region, String kbps, String description) {
        return """
                {"name": "%s", "description": %s, "region": "%s", "primaryPopId": %d, "totalKbps": %s,
                 "credentials": [{"username": "encoder1", "password": "%s"}], "viewerDefault": "allow"}
                """.formatted(name, description, region, server.euPop.id(), kbps, AdminServer.PASSWORD);
    }

    @Test
    void everyFieldProblemComesBackAtOnce() throws Exception {
        HttpResponse<String> response = post("v1/slots", slot("bad name!", "mars", "5", "\"ok\""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode fields = JSON.readTree(response.body()).path("fields");
        assertThat(fields.path("name").asText()).contains("letters, digits and '-'");
        assertThat(fields.path("region").asText()).contains("mars");
        assertThat(fields.path("totalKbps").asText()).contains("between 100 and 100000");
    }

    @Test
    void popAndAccountProblemsComeBackAtOnceToo() throws Exception {
        HttpResponse<String> pop = post("v1/pops", HttpRequest.BodyPublishers.ofString("""
                {"name": "bad name", "region": "mars", "ingestBaseUrl": "http://in.example.com",
                 "playbackBaseUrl": "ftp://out.example.com"}"""), ops);
        HttpResponse<String> account = post("v1/accounts", HttpRequest.BodyPublishers.ofString("""
                {"shortname": "Bad", "displayName": "", "livePushKbps": -1, "entitlements": {"warp": 1}}"""), ops);

        assertThat(pop.statusCode()).as(pop.body()).isEqualTo(422);
        assertThat(JSON.readTree(pop.body()).path("fields").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("name", "region", "ingestBaseUrl", "playbackBaseUrl");
        assertThat(JSON.readTree(pop.body()).path("fields").path("region").asText()).contains("mars");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(422);
        assertThat(JSON.readTree(account.body()).path("fields").fieldNames()).toIterable()
                .contains("shortname", "displayName", "livePushKbps", "entitlements.warp");
    }

    @Test
    void controlCharactersInFreeTextAreRefused() throws Exception {
        HttpResponse<String> response = post("v1/slots", slot("ctl-cam", "europe", "1000", "\"a\\u0000b\""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).path("fields").path("description").asText())
                .contains("Control characters are not allowed").contains("U+0000");
    }

    @Test
    void anOutOfRangeNumberNamesItsField() throws Exception {
        HttpResponse<String> response = post("v1/slots", slot("big-cam", "europe", "99999999999", "\"ok\""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo("invalid_input");
        assertThat(body.path("fields").path("totalKbps").asText()).contains("out of range");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() throws Exception {
        byte[] big = ("{\"name\": \"" + "x".repeat(BodyLimitInterceptor.MAX_BODY_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> sized = post("v1/slots", HttpRequest.BodyPublishers.ofByteArray(big));
        Supplier<InputStream> stream = () -> new ByteArrayInputStream(big);
        HttpResponse<String> chunked = post("v1/slots", HttpRequest.BodyPublishers.ofInputStream(stream));

        for (HttpResponse<String> response : List.of(sized, chunked)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("body_too_large");
        }
    }

    @Test
    void theErrorBodyIsCapped() throws Exception {
        StringBuilder cidrs = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            cidrs.append(i == 0 ? "" : ",").append("\"not-a-cidr-").append("y".repeat(500)).append(i).append('"');
        }
        String body = slot("cap-cam", "europe", "1000", "\"ok\"").replace("\"viewerDefault\"",
                "\"publishCidrs\": [" + cidrs + "], \"viewerDefault\"");
        HttpResponse<String> response = post("v1/slots", body);

        assertThat(response.statusCode()).as(response.body().substring(0, 300)).isEqualTo(422);
        assertThat(response.body().length()).isLessThan(40_000);
        assertThat(JSON.readTree(response.body()).path("fields").size()).isLessThanOrEqualTo(50);
    }
}
