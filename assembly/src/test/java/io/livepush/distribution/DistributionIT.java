package io.livepush.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livepush.mediavault.MediaVaultSigner;
import io.livepush.testing.ClassHistogram;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import io.livepush.tomcat.ExpectedTlsEngines;
import io.livepush.tomcat.TlsEngine;
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
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled distribution as a hosting team runs it: unpack the tarball, {@code bin/livepush-init}, then the real
 * Tomcat with {@code bin/catalina.sh run} against MariaDB; the portal answers over HTTP; the operator creates an
 * account and a MediaVault-protected slot through the REST API; ffmpeg pushes HLS over HTTPS; ffprobe plays it back
 * through a signed playback URL; a segment expires; Tomcat stops on SIGTERM without an error or a leak warning.
 * The HTTPS connector runs on the default TLS engine, JSSE, and the log says so ({@code QuickStartIT} runs
 * {@code LIVEPUSH_TLS_ENGINE=auto}, OpenSSL on Java 22+).
 */
class DistributionIT {

    private static final String PATH_TOKEN_DIGEST = "5badbfcc6f415a7f49d482da0d511720";
    /** The peer-fill cluster secret, set as an operator would in conf/livepush.env. */
    private static final String PEER_SECRET = "e2e-peer-secret-0123456789";

    @TempDir
    Path work;

    @Test
    void theUnpackedDistributionInitialisesStartsTakesAPushAndStopsCleanly() throws Exception {
        Path home = unpack();
        try (TestSchema schema = TestDatabases.freshSchema()) {
            Map<String, String> env = environment(home, schema);
            run(home, env, List.of(home.resolve("bin/livepush-init").toString()), "init.log");
            assertThat(home.resolve("conf/livepush-keystore.p12")).exists();
            assertThat(Files.readString(home.resolve("conf/livepush.env"))).contains("LIVEPUSH_KEYSTORE_PASSWORD=");
            Process tomcat = start(home, env);
            try {
                awaitLog(home, "Server startup in");
                assertPublishingOverTls12Only(Integer.parseInt(env.get("LIVEPUSH_HTTPS_PORT")));
                PortalClient portal = new PortalClient(env);
                assertThat(portal.status("http", "/admin/")).as("the portal over HTTP").isEqualTo(200);
                assertPlainErrorPage("http://127.0.0.1:" + env.get("LIVEPUSH_HTTP_PORT") + "/no-such-application/");
                assertThat(PortalLogin.login("http://127.0.0.1:" + env.get("LIVEPUSH_HTTP_PORT") + "/admin/",
                        "operator", PortalClient.OPERATOR_PASSWORD)).contains("operator");
                portal.createAccountAndSlot();
                pushWithFfmpeg(home, env);
                playBackSigned(env);
                uploadsAreServedWithTypeNosniffAndPolicy(env);
                playBackSignedOverHttps(env, portal);
                segmentsOverH2LeaveNoRequestsBehind(env, tomcat.pid());
                metricsAnswerLoopback(env);
                requestWithAPathToken(env);
                awaitSegmentExpiry(home);
            } finally {
                tomcat.destroy();
                assertThat(tomcat.waitFor(60, TimeUnit.SECONDS)).as("Tomcat stopped on SIGTERM").isTrue();
            }
            String log = Files.readString(home.resolve("logs/catalina.out"));
            String https = env.get("LIVEPUSH_HTTPS_PORT");
            assertThat(log).as("the default TLS engine")
                    .contains(ExpectedTlsEngines.logLineFor(TlsEngine.JSSE) + " [" + https + "]")
                    .contains("(LIVEPUSH_TLS_ENGINE [jsse]");
            assertThat(log).contains("Live origin [e2e-node] of PoP [e2e]").as("LIVEPUSH_PEER_SECRET reaches live.war")
                    .contains("peer fill [on]");
            assertThat(log).doesNotContain("SEVERE").doesNotContain("memory leak")
                    .doesNotContain("has failed to stop it");
            assertLogsHoldNoSecret(home, env);
        }
    }

    /** The shipped default of {@code LIVEPUSH_TLS_PROTOCOLS}: TLS 1.3 loses ffmpeg's DELETEs (docs/encoders.md). */
    private static void assertPublishingOverTls12Only(int port) throws Exception {
        assertThat(PublishingTls.handshake(port, "TLSv1.2")).isEqualTo("TLSv1.2");
        assertThatThrownBy(() -> PublishingTls.handshake(port, "TLSv1.3")).as("TLS 1.3 on the publishing connector")
                .isInstanceOf(SSLHandshakeException.class);
    }

    private Path unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("livepush.tarball"));
        assertThat(tarball).exists();
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", work.toString()).inheritIO().start();
        assertThat(tar.waitFor(120, TimeUnit.SECONDS) && tar.exitValue() == 0).as("tar -xzf").isTrue();
        try (var entries = Files.list(work)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("livepush-tomcat-")).findFirst()
                    .orElseThrow();
        }
    }

    private Map<String, String> environment(Path home, TestSchema schema) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("CATALINA_HOME", home.toString());
        env.put("CATALINA_BASE", home.toString());
        env.put("LIVEPUSH_DB_URL", schema.jdbcUrl().replaceFirst("\\?.*$", ""));
        env.put("LIVEPUSH_DB_USER", schema.user());
        env.put("LIVEPUSH_DB_PASSWORD", schema.password());
        env.put("LIVEPUSH_HTTP_PORT", String.valueOf(freePort()));
        env.put("LIVEPUSH_HTTPS_PORT", String.valueOf(freePort()));
        env.put("LIVEPUSH_SHUTDOWN_PORT", String.valueOf(freePort()));
        env.put("LIVEPUSH_NODE_ID", "e2e-node");
        env.put("LIVEPUSH_POP", "e2e");
        env.put("LIVEPUSH_INGEST_BASE_URL", "https://127.0.0.1:" + env.get("LIVEPUSH_HTTPS_PORT") + "/live");
        env.put("LIVEPUSH_PLAYBACK_BASE_URL", "http://127.0.0.1:" + env.get("LIVEPUSH_HTTP_PORT") + "/live");
        env.put("LIVEPUSH_OPERATOR_USER", "operator");
        env.put("LIVEPUSH_OPERATOR_PASSWORD", PortalClient.OPERATOR_PASSWORD);
        env.put("LIVEPUSH_JVM_OPTS", "-Xmx768m");
        env.put("LIVEPUSH_PEER_SECRET", PEER_SECRET);
        return env;
    }

    private void pushWithFfmpeg(Path home, Map<String, String> env) throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/ffmpeg"));
        if (!present && "1".equals(System.getenv("LIVEPUSH_REQUIRE_TOOLS"))) {
            throw new AssertionError("ffmpeg is required (LIVEPUSH_REQUIRE_TOOLS=1) but /usr/bin/ffmpeg is missing");
        }
        assumeTrue(present, "ffmpeg is not installed: the push part of this test is skipped");
        Path storage = home.resolve("livepush-storage/acme/cam1");
        awaitDirectory(storage, home.resolve("logs/catalina.out"));
        String auth = Base64.getEncoder().encodeToString("encoder:e2e-publish-pass".getBytes(StandardCharsets.UTF_8));
        String url = env.get("LIVEPUSH_INGEST_BASE_URL") + "/push/acme/cam1/index.m3u8";
        run(home, env, List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-re", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
                "-f", "hls", "-hls_time", "1", "-hls_list_size", "0", "-method", "PUT", "-http_persistent", "1", "-headers",
                "Authorization: Basic " + auth + "\r\n", url), "ffmpeg.log");
        assertThat(Files.readString(storage.resolve("index.m3u8"))).contains("#EXTINF");
    }

    /** ffprobe plays the stream through the playback URL signed for MediaVault; unsigned, it is refused. */
    private static void playBackSigned(Map<String, String> env) throws Exception {
        String url = env.get("LIVEPUSH_PLAYBACK_BASE_URL") + "/play/acme/cam1/index.m3u8";
        String signed = new MediaVaultSigner(PortalClient.MEDIAVAULT_SECRET)
                .sign(url, MediaVaultSigner.Term.end(Instant.now().getEpochSecond() + 600));
        Process unsigned = new ProcessBuilder("ffprobe", "-v", "error", "-show_streams", url)
                .redirectErrorStream(true).start();
        assertThat(unsigned.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(unsigned.exitValue()).as("ffprobe without a token").isNotZero();
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-show_streams", signed)
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("codec_type=video");
    }

    /**
     * Issue 10 in the real distribution (its global conf/web.xml merged with live.war's): an uploaded TTML file comes
     * back with its own type, nosniff and a sandboxing policy; the portal's session cookie is SameSite=Lax.
     */
    private static void uploadsAreServedWithTypeNosniffAndPolicy(Map<String, String> env) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(SelfSignedTrust.context()).build();
        String auth = Base64.getEncoder().encodeToString("encoder:e2e-publish-pass".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(env.get("LIVEPUSH_INGEST_BASE_URL")
                + "/push/acme/cam1/subs/evil.ttml")).header("Authorization", "Basic " + auth)
                .PUT(HttpRequest.BodyPublishers.ofString("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>"
                        + "alert(1)</script></svg>")).build(), BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(env.get("LIVEPUSH_PLAYBACK_BASE_URL")
                + "/play/acme/cam1/subs/evil.ttml")).build(), BodyHandlers.ofString());
        assertThat(get.statusCode()).as(get.toString()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/ttml+xml"));
        assertThat(get.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(get.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; sandbox");
        HttpResponse<String> portal = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + env.get("LIVEPUSH_HTTP_PORT") + "/admin/login")).build(), BodyHandlers.ofString());
        assertThat(portal.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    /**
     * The HTTPS playback base that livepush-init gave the PoP answers on the HTTPS connector, over h2 (ALPN); the
     * HTTP connector upgrades players to h2c (server.xml's {@code UpgradeProtocol}s).
     */
    private static void playBackSignedOverHttps(Map<String, String> env, PortalClient portal) throws Exception {
        String url = "https://127.0.0.1:" + env.get("LIVEPUSH_HTTPS_PORT") + "/live/play/acme/cam1/index.m3u8";
        String signed = new MediaVaultSigner(PortalClient.MEDIAVAULT_SECRET)
                .sign(url, MediaVaultSigner.Term.end(Instant.now().getEpochSecond() + 600));
        HttpResponse<String> playlist = portal.get(signed);
        assertThat(playlist.statusCode()).as(playlist.body()).isEqualTo(200);
        assertThat(playlist.body()).contains("#EXTINF");
        assertThat(playlist.version()).as("HTTPS playback").isEqualTo(HttpClient.Version.HTTP_2);
        HttpResponse<String> time = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                env.get("LIVEPUSH_PLAYBACK_BASE_URL") + "/time")).build(), BodyHandlers.ofString());
        assertThat(time.statusCode()).isEqualTo(200);
        assertThat(time.version()).as("HTTP playback").isEqualTo(HttpClient.Version.HTTP_2);
    }

    /**
     * Segments played over h2 leave no servlet request behind in the distribution's Tomcat: server.xml's
     * {@code Http2Protocol} has sendfile off, since Tomcat 11 never recycles a stream that sendfile served.
     */
    private static void segmentsOverH2LeaveNoRequestsBehind(Map<String, String> env, long pid) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(SelfSignedTrust.context()).build();
        byte[] segment = new byte[64 * 1024];
        String auth = Base64.getEncoder().encodeToString("encoder:e2e-publish-pass".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(env.get("LIVEPUSH_INGEST_BASE_URL")
                + "/push/acme/cam1/h2/big.ts")).header("Authorization", "Basic " + auth)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(segment)).build(), BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        URI signed = URI.create(new MediaVaultSigner(PortalClient.MEDIAVAULT_SECRET).sign("https://127.0.0.1:"
                + env.get("LIVEPUSH_HTTPS_PORT") + "/live/play/acme/cam1/h2/big.ts",
                MediaVaultSigner.Term.end(Instant.now().getEpochSecond() + 600)));
        long before = ClassHistogram.liveInstances(pid, "org.apache.catalina.connector.Request");
        for (int i = 0; i < 200; i++) {
            HttpResponse<byte[]> get = client.send(HttpRequest.newBuilder(signed).build(),
                    BodyHandlers.ofByteArray());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(get.body()).hasSize(segment.length);
        }
        assertThat(ClassHistogram.liveInstances(pid, "org.apache.catalina.connector.Request") - before)
                .as("servlet requests still alive after 200 segments on one h2 connection").isLessThan(20);
    }

    /** Both WARs serve Prometheus metrics to this machine (the default allow-list: loopback). */
    private static void metricsAnswerLoopback(Map<String, String> env) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/live/metrics", "/admin/metrics")) {
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + env.get("LIVEPUSH_HTTP_PORT") + path)).build(), BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(path + ": " + metrics.body()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("tomcat_global_sent_bytes_total")
                    .contains(path.startsWith("/live") ? "livepush_ingest_bytes_total{" : "livepush_admin_logins_total{");
        }
    }

    /** A path-based MediaVault token (its answer does not matter here): the access log must not keep it. */
    private static void requestWithAPathToken(Map<String, String> env) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(env.get("LIVEPUSH_PLAYBACK_BASE_URL")
                + "/play/acme/cam1/token=e=9999999999~h=" + PATH_TOKEN_DIGEST + "/index.m3u8")).build(),
                BodyHandlers.discarding());
    }

    /**
     * No log of the run (access log, catalina.out) holds a password, a Basic {@code Authorization} value, the
     * MediaVault secret or a token digest ({@code h=}), in the query or in the path; path tokens appear masked.
     */
    private static void assertLogsHoldNoSecret(Path home, Map<String, String> env) throws IOException {
        StringBuilder all = new StringBuilder();
        String access = "";
        try (Stream<Path> files = Files.list(home.resolve("logs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                all.append(text);
                if (file.getFileName().toString().startsWith("access")) {
                    access += text;
                }
            }
        }
        assertThat(access).contains("PUT /live/push/acme/cam1/").contains("/live/play/acme/cam1/[token]/index.m3u8")
                .contains("GET /live/play/acme/cam1/index.m3u8 ");
        String keystorePassword = Files.readString(home.resolve("conf/livepush.env")).lines()
                .filter(line -> line.startsWith("LIVEPUSH_KEYSTORE_PASSWORD=")).findFirst().orElseThrow()
                .substring("LIVEPUSH_KEYSTORE_PASSWORD=".length()).replace("'", "").replace("\"", "");
        String basic = Base64.getEncoder().encodeToString("encoder:e2e-publish-pass".getBytes(StandardCharsets.UTF_8));
        assertThat(access).as("no token digest in the access log").doesNotContain("h=");
        for (String secret : List.of("e2e-publish-pass", basic, PortalClient.OPERATOR_PASSWORD,
                PortalClient.MEDIAVAULT_SECRET, PATH_TOKEN_DIGEST, env.get("LIVEPUSH_DB_PASSWORD"),
                keystorePassword, PEER_SECRET)) {
            if (!secret.isBlank()) {
                assertThat(all.toString()).as("the logs hold no secret").doesNotContain(secret);
            }
        }
    }

    /** The slot's file expiry is 10 s: the first segment goes, while the encoder's playlist outlives it. */
    /** Tomcat's own error page names neither the server nor its version (ErrorReportValve in server.xml). */
    static void assertPlainErrorPage(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Tomcat").doesNotContain("Exception");
    }

    private static void awaitSegmentExpiry(Path home) throws Exception {
        Path segment = home.resolve("livepush-storage/acme/cam1/index0.ts");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.exists(segment) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(segment).as("index0.ts expired").doesNotExist();
    }

    private static Process start(Path home, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/catalina.sh").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("logs/catalina.out").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void run(Path home, Map<String, String> env, List<String> command, String logName)
            throws Exception {
        Path log = home.resolve("logs").resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command.get(0) + " finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    }

    private static void awaitLog(Path home, String text) throws Exception {
        Path log = home.resolve("logs/catalina.out");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No '" + text + "' in catalina.out within 3 minutes:\n" + Files.readString(log));
    }

    private static void awaitDirectory(Path directory, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.isDirectory(directory) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(directory).as("the node provisioned the slot's directory; catalina.out:%n%s",
                Files.readString(log)).isDirectory();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
