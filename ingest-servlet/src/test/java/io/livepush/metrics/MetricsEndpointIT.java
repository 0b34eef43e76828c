package io.livepush.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.ingest.LiveFixture;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /live/metrics} of the real {@code live.war} configured for a bearer token only ({@code metrics.allow=none}):
 * without the token even loopback gets 401 with a {@code Bearer} challenge, a wrong token 401, the right one the
 * metrics in the format {@code Accept} asks for. The endpoint sits beside the playback and ingest paths, whose
 * grammars do not apply to it, and a {@code /play} path named "metrics" is still playback.
 */
class MetricsEndpointIT {

    private static final String TOKEN = "it-scrape-token-7f3a9c2e";

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new LiveFixture(baseDir, Map.of("metrics.allow", "none", "metrics.token", TOKEN));
    }

    @AfterAll
    static void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void withoutTheTokenEvenLoopbackGets401WithABearerChallenge() throws Exception {
        HttpResponse<String> response = get("/metrics", null, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"Live Push metrics\"");
        assertThat(response.body()).doesNotContain("livepush_");
    }

    @Test
    void aWrongTokenGets401() throws Exception {
        assertThat(get("/metrics", "Bearer " + TOKEN + "0", null).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", "Basic " + TOKEN, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenGetsTheTextFormatByDefault() throws Exception {
        HttpResponse<String> response = get("/metrics", "Bearer " + TOKEN, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain").contains("version=0.0.4"));
        assertThat(response.body()).contains("# TYPE livepush_database_up gauge").contains("livepush_slots{")
                .contains("jvm_memory_used_bytes{").contains("tomcat_threads_busy_threads{")
                .doesNotContain(TOKEN);
    }

    @Test
    void openMetricsIsAnsweredWhenAsked() throws Exception {
        HttpResponse<String> response = get("/metrics", "Bearer " + TOKEN,
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/openmetrics-text"));
        assertThat(response.body()).endsWith("# EOF\n");
    }

    @Test
    void aPlaybackPathNamedMetricsIsStillPlayback() throws Exception {
        HttpResponse<String> response = get("/play/acme/nosuchslot/metrics", "Bearer " + TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("livepush_");
    }

    private static HttpResponse<String> get(String path, String authorization, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fx.tomcat.http(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return fx.client.send(request.build(), BodyHandlers.ofString());
    }
}
