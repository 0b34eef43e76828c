package io.livepush.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin web application of the running distribution, over HTTP and, for the REST API, HTTPS with Basic auth. */
final class PortalClient {

    static final String OPERATOR_PASSWORD = "E2e-First-Login-9";
    static final String MEDIAVAULT_SECRET = "e2eMediaVaultSecret42";

    private final Map<String, String> env;
    private final HttpClient client;

    PortalClient(Map<String, String> env) throws Exception {
        this.env = env;
        this.client = HttpClient.newBuilder().sslContext(SelfSignedTrust.context()).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    int status(String scheme, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(scheme, path)).GET().build(), BodyHandlers.discarding())
                .statusCode();
    }

    /** As the operator, creates the account {@code acme} and its slot {@code cam1} (10 s file expiry, MediaVault). */
    void createAccountAndSlot() throws Exception {
        HttpResponse<String> account = post("/admin/api/v1/accounts", "{\"shortname\":\"acme\",\"displayName\":"
                + "\"Acme\",\"livePushKbps\":100000,\"entitlements\":{\"live-push\":5}}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        HttpResponse<String> pops = client.send(request("/admin/api/v1/pops").GET().build(), BodyHandlers.ofString());
        Matcher pop = Pattern.compile("\"id\"\\s*:\\s*(\\d+)\\s*,\\s*\"name\"\\s*:\\s*\"e2e\"").matcher(pops.body());
        assertThat(pop.find()).as(pops.body()).isTrue();
        HttpResponse<String> slot = post("/admin/api/v1/slots?account=acme", "{\"name\":\"cam1\",\"type\":"
                + "\"live-push\",\"region\":\"europe\",\"primaryPopId\":" + pop.group(1) + ",\"useBackupIngest\":false,"
                + "\"totalKbps\":5000,\"segmentDurationMs\":1000,\"fileExpirySeconds\":10,\"credentials\":"
                + "[{\"username\":\"encoder\",\"password\":\"e2e-publish-pass\"}],\"publishCidrs\":[],"
                + "\"viewerRules\":[],\"viewerDefault\":\"allow\",\"mediaVault\":{\"mode\":\"URL_WITH_SUB_MANIFESTS\","
                + "\"primarySecret\":\"" + MEDIAVAULT_SECRET + "\",\"denyStatus\":403}}");
        assertThat(slot.statusCode()).as(slot.body()).isEqualTo(201);
        assertThat(slot.body()).doesNotContain(MEDIAVAULT_SECRET).doesNotContain("e2e-publish-pass");
        // livepush-init's default HTTPS playback base: the HTTPS connector, never the HTTP port with https://.
        assertThat(slot.body()).containsPattern("\"playbackHttps\":\"https://[^\"/]+:" + env.get("LIVEPUSH_HTTPS_PORT")
                + "/live/play/acme/cam1/\"");
    }

    /** The status and body of a GET of {@code url}, trusting the distribution's self-signed certificate. */
    HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        String basic = Base64.getEncoder().encodeToString(("operator:" + OPERATOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri("https", path)).header("Authorization", "Basic " + basic);
    }

    private URI uri(String scheme, String path) {
        String port = "https".equals(scheme) ? env.get("LIVEPUSH_HTTPS_PORT") : env.get("LIVEPUSH_HTTP_PORT");
        return URI.create(scheme + "://127.0.0.1:" + port + path);
    }
}
