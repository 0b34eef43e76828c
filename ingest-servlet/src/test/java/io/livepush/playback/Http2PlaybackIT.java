package io.livepush.playback;

import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.ingest.LiveFixture;
import io.livepush.testing.ClassHistogram;
import io.livepush.testing.ExternalTools;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.connector.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playback over HTTP/2 (issue 12 §3) through the real {@code live.war} on the connectors tomcat-conf ships: h2 by ALPN
 * on HTTPS, h2c by {@code Upgrade} and with prior knowledge on HTTP. Objects are published over HTTP/1.1 as ffmpeg
 * publishes them; uploads over h2 and held LL-HLS reloads work too.
 */
@Timeout(120)
class Http2PlaybackIT {

    private static final String PLAYLIST = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n"
            + "#EXT-X-MEDIA-SEQUENCE:1\n#EXTINF:2.000000,\nseg_1.ts\n";

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;
    private static byte[] segment;

    @BeforeAll
    static void start() throws Exception {
        fx = new LiveFixture(baseDir, Map.of());
        fx.slot("h2", List.of());
        segment = new byte[50_000];
        new Random(7).nextBytes(segment);
        assertThat(fx.publish("h2/720p/index.m3u8", PLAYLIST).statusCode()).isEqualTo(201);
        assertThat(fx.client.send(HttpRequest.newBuilder(fx.tomcat.https("/push/acme/h2/720p/seg_1.ts"))
                .header("Authorization", basic(USER, PASSWORD)).PUT(BodyPublishers.ofByteArray(segment)).build(),
                BodyHandlers.discarding()).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    private static HttpResponse<byte[]> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofByteArray());
    }

    @Test
    void httpsPlaybackNegotiatesH2ByAlpn() throws Exception {
        HttpClient h2 = fx.tomcat.client(Version.HTTP_2);

        HttpResponse<byte[]> playlist = get(h2, fx.tomcat.https("/play/acme/h2/720p/index.m3u8"));
        HttpResponse<byte[]> media = get(h2, fx.tomcat.https("/play/acme/h2/720p/seg_1.ts"));

        assertThat(playlist.version()).as(playlist.toString()).isEqualTo(Version.HTTP_2);
        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(new String(playlist.body(), StandardCharsets.UTF_8)).isEqualTo(PLAYLIST);
        assertThat(playlist.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.apple.mpegurl");
        assertThat(media.version()).isEqualTo(Version.HTTP_2);
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.body()).isEqualTo(segment);
        assertThat(media.headers().firstValue("Content-Type")).contains("video/mp2t");
    }

    @Test
    void plainHttpPlaybackUpgradesToH2c() throws Exception {
        HttpClient h2c = fx.tomcat.client(Version.HTTP_2);

        HttpResponse<byte[]> playlist = get(h2c, fx.tomcat.http("/play/acme/h2/720p/index.m3u8"));
        HttpResponse<byte[]> media = get(h2c, fx.tomcat.http("/play/acme/h2/720p/seg_1.ts"));

        assertThat(playlist.version()).as(playlist.toString()).isEqualTo(Version.HTTP_2);
        assertThat(new String(playlist.body(), StandardCharsets.UTF_8)).isEqualTo(PLAYLIST);
        assertThat(media.version()).isEqualTo(Version.HTTP_2);
        assertThat(media.body()).isEqualTo(segment);
    }

    /**
     * Tomcat 11's HTTP/2 sendfile never recycles the stream it served: each one kept its request and response (about
     * 50 KB) until the connection had 500 newer streams, so a few dozen players pulling segments over h2 filled the
     * heap. The connectors' {@code Http2Protocol} has sendfile off (docs/decisions.md).
     */
    @Test
    void segmentsServedOverH2LeaveNoRequestsBehind() throws Exception {
        assertThat(segment.length).as("big enough for the filter's sendfile").isGreaterThan(
                (int) StoredObjectResponses.SENDFILE_ABOVE_BYTES);
        for (URI uri : List.of(fx.tomcat.https("/play/acme/h2/720p/seg_1.ts"),
                fx.tomcat.http("/play/acme/h2/720p/seg_1.ts"))) {
            HttpClient h2 = fx.tomcat.client(Version.HTTP_2);
            long before = ClassHistogram.liveInstances(Request.class);

            for (int i = 0; i < 200; i++) {
                HttpResponse<byte[]> media = get(h2, uri);
                assertThat(media.version()).isEqualTo(Version.HTTP_2);
                assertThat(media.body()).isEqualTo(segment);
            }

            assertThat(ClassHistogram.liveInstances(Request.class) - before)
                    .as(uri + ": requests still alive after 200 answers on one h2 connection").isLessThan(20);
        }
    }

    @Test
    void curlFetchesOverH2WithAlpnAndOverH2cWithPriorKnowledge() throws Exception {
        ExternalTools.assumeOnPath("apt-get install -y curl", "curl");
        Path out = Files.createTempFile(baseDir, "segment", ".ts");

        ExternalTools.Outcome tls = ExternalTools.run(Duration.ofSeconds(30), "curl", "-sS", "--http2",
                // The self-signed test certificate; what is checked here is the protocol, not the trust.
                "--insecure", "-o", out.toString(), "-w", "%{http_version} %{http_code}",
                fx.tomcat.https("/play/acme/h2/720p/seg_1.ts").toString());
        assertThat(tls.stdout()).as(tls.stderr()).isEqualTo("2 200");
        assertThat(Files.readAllBytes(out)).isEqualTo(segment);

        ExternalTools.Outcome plain = ExternalTools.run(Duration.ofSeconds(30), "curl", "-sS",
                "--http2-prior-knowledge", "-o", out.toString(), "-w", "%{http_version} %{http_code}",
                fx.tomcat.http("/play/acme/h2/720p/index.m3u8").toString());
        assertThat(plain.stdout()).as(plain.stderr()).isEqualTo("2 200");
        assertThat(Files.readString(out)).isEqualTo(PLAYLIST);
    }

    @Test
    void anUploadOverH2IsStoredAsOverHttp11() throws Exception {
        HttpClient h2 = fx.tomcat.client(Version.HTTP_2);
        byte[] known = "known length".getBytes(StandardCharsets.US_ASCII);
        byte[] streamed = "no length, as a chunked upload".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> withLength = h2.send(HttpRequest.newBuilder(fx.tomcat.https("/push/acme/h2/up/a.ts"))
                .header("Authorization", basic(USER, PASSWORD)).PUT(BodyPublishers.ofByteArray(known)).build(),
                BodyHandlers.ofString());
        HttpResponse<String> withoutLength = h2.send(HttpRequest.newBuilder(fx.tomcat.https("/push/acme/h2/up/b.ts"))
                .header("Authorization", basic(USER, PASSWORD))
                .PUT(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(streamed))).build(),
                BodyHandlers.ofString());

        assertThat(withLength.version()).isEqualTo(Version.HTTP_2);
        assertThat(withLength.statusCode()).as(withLength.body()).isEqualTo(201);
        assertThat(withoutLength.statusCode()).as(withoutLength.body()).isEqualTo(201);
        assertThat(fx.storage.resolve("acme/h2/up/a.ts")).hasBinaryContent(known);
        assertThat(fx.storage.resolve("acme/h2/up/b.ts")).hasBinaryContent(streamed);
    }

    @Test
    void aBlockingPlaylistReloadIsHeldAndReleasedOverH2() throws Exception {
        String header = "#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:2\n"
                + "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES\n#EXT-X-MEDIA-SEQUENCE:10\n";
        String before = header + "#EXTINF:2.000000,\ns10.ts\n";
        String after = before + "#EXTINF:2.000000,\ns11.ts\n";
        assertThat(fx.publish("h2/hold/index.m3u8", before).statusCode()).isEqualTo(201);
        HttpClient h2 = fx.tomcat.client(Version.HTTP_2);

        CompletableFuture<HttpResponse<String>> held = h2.sendAsync(HttpRequest.newBuilder(
                fx.tomcat.https("/play/acme/h2/hold/index.m3u8?_HLS_msn=11")).build(), BodyHandlers.ofString());
        Thread.sleep(700);
        assertThat(held).as("held until the playlist has segment 11").isNotDone();
        HttpResponse<byte[]> other = get(h2, fx.tomcat.https("/play/acme/h2/720p/index.m3u8"));
        assertThat(other.statusCode()).as("another stream of the connection is answered meanwhile").isEqualTo(200);
        assertThat(held).isNotDone();
        assertThat(fx.publish("h2/hold/index.m3u8", after).statusCode()).isEqualTo(204);

        HttpResponse<String> answer = held.get(5, TimeUnit.SECONDS);
        assertThat(answer.version()).isEqualTo(Version.HTTP_2);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(after);
    }

    @Test
    void theTimeSourceAnswersOverH2() throws Exception {
        HttpResponse<byte[]> time = get(fx.tomcat.client(Version.HTTP_2), fx.tomcat.https("/time"));

        assertThat(time.version()).isEqualTo(Version.HTTP_2);
        assertThat(time.statusCode()).isEqualTo(200);
        assertThat(new String(time.body(), StandardCharsets.US_ASCII)).matches(UtcTimeIT.ISO_MILLIS);
    }
}
