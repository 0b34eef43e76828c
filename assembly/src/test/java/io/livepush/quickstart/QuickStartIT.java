package io.livepush.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livepush.distribution.PublishingTls;
import io.livepush.distribution.SelfSignedTrust;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick-start jar as a user runs it: it starts, answers on both ports, publishes over TLS 1.2 only, ffmpeg can
 * publish and delete, a restart keeps data.
 */
class QuickStartIT {

    @TempDir
    Path work;

    @Test
    void startsAnswersOnBothPortsAcceptsAPushAndKeepsItsDataOverARestart() throws Exception {
        Path data = work.resolve("livepush-data");
        int http = freePort();
        int https = freePort();

        Process first = start(data, http, https);
        String facts;
        try {
            facts = Files.readString(data.resolve("quickstart.json"));
            for (String key : QuickStartFacts.KEYS) {
                assertThat(facts).contains("\"" + key + "\": \"");
            }
            assertThat(facts).contains("\"ingestUrl\": \"https://127.0.0.1:" + https + "/live/push/demo/demo/\"");
            HttpClient client = HttpClient.newBuilder().sslContext(SelfSignedTrust.context())
                    .connectTimeout(Duration.ofSeconds(10)).build();
            assertThat(client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + https
                    + "/live/push/demo/demo/")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                    BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                    + "/live/push/demo/demo/a.ts")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                    BodyHandlers.discarding()).statusCode()).isEqualTo(403);
            assertThat(PublishingTls.handshake(https, "TLSv1.2")).isEqualTo("TLSv1.2");
            assertThatThrownBy(() -> PublishingTls.handshake(https, "TLSv1.3"))
                    .as("TLS 1.3 on the publishing connector").isInstanceOf(SSLHandshakeException.class);
            HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                    + "/no-such-application/")).build(), BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).as("error pages name no server").doesNotContain("Tomcat");
            publishWithFfmpeg(facts, data);
            assertSegmentsFfmpegDeletedAnswer404(client, facts, data);
        } finally {
            stop(first);
        }

        Process second = start(data, http, https);
        try {
            assertThat(Files.readString(data.resolve("quickstart.json"))).isEqualTo(facts);
        } finally {
            stop(second);
        }
    }

    static void publishWithFfmpeg(String facts, Path data) throws Exception {
        boolean required = "1".equals(System.getenv("LIVEPUSH_REQUIRE_TOOLS"));
        boolean present = Files.isExecutable(Path.of("/usr/bin/ffmpeg"));
        if (!present && required) {
            throw new AssertionError("ffmpeg is required (LIVEPUSH_REQUIRE_TOOLS=1) but /usr/bin/ffmpeg is missing");
        }
        assumeTrue(present, "ffmpeg is not installed: the publishing part of this test is skipped");
        String auth = Base64.getEncoder().encodeToString((value(facts, "ingestUser") + ":"
                + value(facts, "ingestPassword")).getBytes(StandardCharsets.UTF_8));
        Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-re", "-f", "lavfi",
                "-i", "testsrc2=size=320x240:rate=25", "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-g",
                "25", "-f", "hls", "-hls_time", "1", "-hls_list_size", "2", "-hls_flags", "delete_segments",
                "-method", "PUT", "-http_persistent", "1", "-headers",
                "Authorization: Basic " + auth + "\r\n", value(facts, "ingestUrl") + "index.m3u8"))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("ffmpeg.log").toFile())
                .start();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
        assertThat(ffmpeg.exitValue()).as(Files.readString(data.resolve("ffmpeg.log"))).isZero();
        assertThat(data.resolve("storage/demo/demo/index.m3u8")).isNotEmptyFile();
        assertThat(Files.readString(data.resolve("storage/demo/demo/index.m3u8"))).contains("#EXTINF");
    }

    /**
     * ffmpeg sent a {@code DELETE} for every segment before the two it lists and the one it keeps unlisted, each on a
     * new TLS connection that it closed at once; every one of them must have arrived (docs/encoders.md).
     */
    private static void assertSegmentsFfmpegDeletedAnswer404(HttpClient client, String facts, Path data)
            throws Exception {
        List<String> listed = Files.readAllLines(data.resolve("storage/demo/demo/index.m3u8")).stream()
                .filter(line -> line.endsWith(".ts")).toList();
        int firstListed = Integer.parseInt(listed.get(0).replaceAll("\\D", ""));
        assertThat(firstListed).as("first segment listed in " + listed).isGreaterThan(1);
        for (int number = 0; number < firstListed - 1; number++) {
            URI segment = URI.create(value(facts, "playbackUrl") + "index" + number + ".ts");
            assertThat(client.send(HttpRequest.newBuilder(segment).build(), BodyHandlers.discarding()).statusCode())
                    .as("GET " + segment + " after ffmpeg deleted it").isEqualTo(404);
        }
    }

    static Process start(Path data, int http, int https) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("livepush.quickstart.jar", "target/livepush-quickstart.jar"));
        Path log = data.resolveSibling("quickstart-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--http-port", String.valueOf(http), "--https-port",
                String.valueOf(https), "--data", data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            String output = Files.exists(log) ? Files.readString(log) : "";
            if (output.contains("Live Push quick start is running.")) {
                return process;
            }
            if (!process.isAlive()) {
                throw new AssertionError("The quick start exited with " + process.exitValue() + ":\n" + output);
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new AssertionError("The quick start did not start within 4 minutes:\n" + Files.readString(log));
    }

    /** Ctrl-C: SIGTERM runs the shutdown hook, which stops Tomcat and MariaDB. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The quick start did not stop within 60 seconds of SIGTERM");
        }
    }

    static String value(String json, String key) {
        String marker = "\"" + key + "\": \"";
        int start = json.indexOf(marker) + marker.length();
        return json.substring(start, json.indexOf('"', start));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
