package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.ingest.FfmpegCommands;
import io.livepush.ingest.LiveFixture;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.net.AddressRule.Action;
import io.livepush.service.MediaVaultInput;
import io.livepush.testing.ExternalTools;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /live/time}, the DASH-IF UTC timing source, through the real {@code live.war}: the body, its headers,
 * {@code HEAD}, 405 for other methods, that no slot named {@code time} nor any viewer rule or MediaVault setting has
 * a say in it, and that ffmpeg's {@code -utc_timing_url} puts it into a low-latency DASH manifest.
 */
class UtcTimeIT {

    /** ISO 8601 in UTC with exactly three decimals. */
    static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new LiveFixture(baseDir, Map.of());
        // A slot called "time" that refuses every viewer and demands tokens: the time source is not its object.
        fx.slot(fx.draft("time", List.of(), Action.DENY, new MediaVaultInput(MediaVaultMode.URL_ALL,
                "timesecret1234", null, 403, false, MediaVaultSettings.DEFAULT_PATH_TOKEN,
                MediaVaultSettings.DEFAULT_PATH_DELIM, false, 0)));
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    private static HttpResponse<String> send(String method, URI uri) throws Exception {
        return fx.client.send(HttpRequest.newBuilder(uri).method(method, BodyPublishers.noBody()).build(),
                BodyHandlers.ofString());
    }

    @Test
    void getAnswersTheCurrentUtcTimeWithMillisecondsUncachedForAnyOrigin() throws Exception {
        Instant before = Instant.now();
        HttpResponse<String> time = send("GET", fx.tomcat.http("/time"));
        Instant after = Instant.now();

        assertThat(time.statusCode()).as(time.toString()).isEqualTo(200);
        assertThat(time.body()).matches(ISO_MILLIS);
        assertThat(Instant.parse(time.body())).isBetween(before.minusMillis(1), after);
        assertThat(time.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(time.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(time.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(time.headers().firstValueAsLong("Content-Length")).hasValue(24);
    }

    @Test
    void httpsAnswersToo() throws Exception {
        HttpResponse<String> time = send("GET", fx.tomcat.https("/time"));

        assertThat(time.statusCode()).isEqualTo(200);
        assertThat(time.body()).matches(ISO_MILLIS);
    }

    @Test
    void consecutiveAnswersFollowTheClock() throws Exception {
        Instant first = Instant.parse(send("GET", fx.tomcat.http("/time")).body());
        Thread.sleep(50);
        Instant second = Instant.parse(send("GET", fx.tomcat.http("/time")).body());

        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void headAnswersTheHeadersWithoutABody() throws Exception {
        HttpResponse<String> head = send("HEAD", fx.tomcat.http("/time"));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(head.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(head.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(24);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "PATCH"})
    void otherMethodsGet405WithAllow(String method) throws Exception {
        HttpResponse<String> refused = send(method, fx.tomcat.http("/time"));

        assertThat(refused.statusCode()).as(refused.toString()).isEqualTo(405);
        assertThat(refused.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aSlotNamedTimeNeitherShadowsNorGuardsTheTimeSource() throws Exception {
        assertThat(send("GET", fx.tomcat.http("/time")).statusCode()).isEqualTo(200);
        assertThat(send("GET", fx.tomcat.http("/play/acme/time/index.m3u8")).statusCode())
                .as("the slot's own objects keep its viewer rules").isEqualTo(403);
        assertThat(send("GET", fx.tomcat.http("/time/")).statusCode()).as("only the exact path").isEqualTo(404);
    }

    @Test
    @Timeout(60)
    void ffmpegNamesTheTimeSourceInItsLowLatencyManifest() throws Exception {
        ExternalTools.assumeInstalled("apt-get install -y ffmpeg", "ffmpeg");
        String timeUrl = fx.tomcat.http("/time").toString();
        List<String> command = new ArrayList<>(FfmpegCommands.dash(fx.tomcat.https("/push/acme/time/").toString(),
                LiveFixture.basic(LiveFixture.USER, LiveFixture.PASSWORD)));
        command.addAll(command.size() - 1, List.of("-utc_timing_url", timeUrl));
        Path manifest = fx.storage.resolve("acme/time/manifest.mpd");
        Process ffmpeg = ExternalTools.start(command, baseDir.resolve("ffmpeg-utc.log"));
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.exists(manifest) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            ExternalTools.stop(ffmpeg);
        }

        assertThat(manifest).as(Files.readString(baseDir.resolve("ffmpeg-utc.log"))).exists();
        Matcher timing = Pattern.compile("<UTCTiming schemeIdUri=\"([^\"]+)\" value=\"([^\"]+)\"")
                .matcher(Files.readString(manifest));
        assertThat(timing.find()).as(Files.readString(manifest)).isTrue();
        assertThat(timing.group(1)).isEqualTo("urn:mpeg:dash:utc:http-xsdate:2014");
        assertThat(timing.group(2)).isEqualTo(timeUrl);
        assertThat(send("GET", URI.create(timing.group(2))).body()).matches(ISO_MILLIS);
    }
}
