package io.livepush.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livepush.distribution.PublishingTls;
import io.livepush.distribution.SelfSignedTrust;
import io.livepush.setup.EmbeddedMariaDb;
import io.livepush.testing.ListeningSockets;
import io.livepush.tomcat.ExpectedTlsEngines;
import io.livepush.tomcat.TlsEngineChoice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick-start jar as a user runs it: it starts on loopback only, every URL it prints answers, it publishes over
 * TLS 1.2 only, ffmpeg can publish and delete, a restart after {@code kill -9} stops the database server the killed
 * JVM left behind and keeps the data, and {@code --bind} exposes the ports while {@code /admin} still answers this
 * machine only. No log line carries a password or a token. It says which TLS engine publishing runs on: OpenSSL on
 * Java 22+ with libssl.so, JSSE on Java 17.
 */
class QuickStartIT {

    private static final String QUERY_TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path work;

    /** A failed test must not leave a MariaDB running: the one a killed JVM leaves behind has no other owner. */
    @AfterEach
    void stopLeftoverDatabase() throws IOException {
        Path pidFile = work.resolve("livepush-data/mariadb/data/" + EmbeddedMariaDb.PID_FILE);
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Path cmdline = Path.of("/proc/" + pid + "/cmdline");
            if (Files.exists(cmdline) && Files.readString(cmdline).contains(work.toString())) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void runsOnLoopbackAnswersEveryPrintedUrlAndSurvivesKillMinus9() throws Exception {
        Path data = work.resolve("livepush-data");
        int http = freePort();
        int https = freePort();

        Process first = start(data, http, https);
        String facts;
        long databasePid;
        try {
            facts = Files.readString(data.resolve("quickstart.json"));
            for (String key : QuickStartFacts.KEYS) {
                assertThat(facts).contains("\"" + key + "\": \"");
            }
            assertThat(facts).contains("\"ingestUrl\": \"https://127.0.0.1:" + https + "/live/push/demo/demo/\"")
                    .contains("\"apiUrl\": \"https://127.0.0.1:" + https + "/admin/api/v1\"");
            assertThat(outputOfFirstStart()).as("the TLS engine for Java " + Runtime.version().feature())
                    .contains(ExpectedTlsEngines.logLineFor(ExpectedTlsEngines.forThisJvm()) + " [" + https + "]");
            databasePid = databasePid(data);
            assertListensOnLoopbackOnly(http, https, databasePort(databasePid));
            assertDatabaseRefusesRootAndWrongPasswords(data, databasePort(databasePid));
            HttpClient client = client();
            assertThat(client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + https
                    + "/live/push/demo/demo/")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                    BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                    + "/live/push/demo/demo/a.ts")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                    BodyHandlers.discarding()).statusCode()).isEqualTo(403);
            assertThat(PublishingTls.handshake(https, "TLSv1.2")).isEqualTo("TLSv1.2");
            assertThatThrownBy(() -> PublishingTls.handshake(https, "TLSv1.3"))
                    .as("TLS 1.3 on the publishing connector").isInstanceOf(SSLHandshakeException.class);
            assertBothPortsSpeakHttp2(client, http, https);
            HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                    + "/no-such-application/")).build(), BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).as("error pages name no server").doesNotContain("Tomcat");
            assertPortalAndApiAnswer(client, facts);
            publishWithFfmpeg(facts, data);
            assertSegmentsFfmpegDeletedAnswer404(client, facts, data);
        } finally {
            first.destroyForcibly().waitFor();
        }
        assertThat(ProcessHandle.of(databasePid).map(ProcessHandle::isAlive))
                .as("MariaDB outlives a JVM killed with SIGKILL, which is what the next start must handle")
                .contains(true);

        Process second = start(data, http, https, "--bind", "0.0.0.0");
        try {
            assertThat(ProcessHandle.of(databasePid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            assertThat(Files.readString(data.resolve("quickstart.json"))).isEqualTo(facts);
            // Here, not before the SIGKILL: the access log writes a line after the answer, which a kill can beat.
            assertPlaybackAnswers(client(), facts);
            assertBindExposesLiveButNotAdmin(http, https, facts);
        } finally {
            stop(second);
        }
        assertThat(Files.exists(data.resolve("mariadb/data/" + EmbeddedMariaDb.PID_FILE)))
                .as("a clean stop stops MariaDB too").isFalse();
        assertAccessLogHoldsNoSecret(data, facts);
    }

    /** What the quick start printed (its log lands beside the data folder, see {@link #start}). */
    private String outputOfFirstStart() throws IOException {
        try (Stream<Path> logs = Files.list(work)) {
            Path log = logs.filter(path -> path.getFileName().toString().startsWith("quickstart-")).findFirst()
                    .orElseThrow();
            return Files.readString(log);
        }
    }

    private static void assertListensOnLoopbackOnly(int http, int https, int database) throws IOException {
        assertThat(ListeningSockets.isSupported()).as("/proc/net/tcp (the quick start runs on Linux)").isTrue();
        for (int port : new int[] {http, https, database}) {
            assertThat(ListeningSockets.addressesOf(port)).as("port " + port).containsExactly("127.0.0.1");
        }
        for (InetAddress address : nonLoopbackAddresses()) {
            assertThat(canConnect(address, http)).as(address + ":" + http).isFalse();
        }
    }

    private static void assertDatabaseRefusesRootAndWrongPasswords(Path data, int port) throws IOException {
        Path passwordFile = data.resolve("mariadb").resolve(EmbeddedMariaDb.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/livepush";
        String password = Files.readString(passwordFile).trim();
        for (String[] login : new String[][] {{"root", ""}, {EmbeddedMariaDb.USER, password + "x"}}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, login[0], login[1]).close())
                    .as("login as " + login[0]).isInstanceOf(SQLException.class);
        }
    }

    private static void assertPortalAndApiAnswer(HttpClient client, String facts) throws Exception {
        HttpResponse<String> portal = client.send(HttpRequest.newBuilder(URI.create(value(facts, "portalUrl")))
                .build(), BodyHandlers.ofString());
        assertThat(portal.statusCode()).as(portal.toString()).isEqualTo(200);
        HttpResponse<String> slots = client.send(HttpRequest.newBuilder(URI.create(value(facts, "apiUrl")
                + "/slots")).header("Authorization", basic(value(facts, "adminUser"), value(facts, "adminPassword")))
                .build(), BodyHandlers.ofString());
        assertThat(slots.statusCode()).as(slots + "\n" + slots.body()).isEqualTo(200);
        assertThat(slots.body()).contains("\"demo\"");
        HttpResponse<String> denied = client.send(HttpRequest.newBuilder(URI.create(value(facts, "apiUrl")
                + "/slots")).header("Authorization", basic(value(facts, "adminUser"), "wrong-" + QUERY_TOKEN))
                .build(), BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(401);
    }

    /** Players get HTTP/2 on both ports: h2 by ALPN on HTTPS, h2c by {@code Upgrade} on HTTP. */
    private static void assertBothPortsSpeakHttp2(HttpClient client, int http, int https) throws Exception {
        for (String base : List.of("https://127.0.0.1:" + https, "http://127.0.0.1:" + http)) {
            HttpResponse<String> time = client.send(HttpRequest.newBuilder(URI.create(base + "/live/time")).build(),
                    BodyHandlers.ofString());
            assertThat(time.version()).as(base + ": " + time).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(time.statusCode()).isEqualTo(200);
            assertThat(time.body()).endsWith("Z");
        }
    }

    private static void assertPlaybackAnswers(HttpClient client, String facts) throws Exception {
        HttpResponse<String> playlist = client.send(HttpRequest.newBuilder(URI.create(value(facts, "playbackUrl")
                + "index.m3u8?e=9999999999&h=" + QUERY_TOKEN)).build(), BodyHandlers.ofString());
        assertThat(playlist.statusCode()).as(playlist.toString()).isEqualTo(200);
        assertThat(playlist.body()).startsWith("#EXTM3U");
        // A path-based token (the demo slot does not use them, so the answer does not matter): kept out of the log.
        client.send(HttpRequest.newBuilder(URI.create(value(facts, "playbackUrl") + "token=e=9999999999~h="
                + QUERY_TOKEN + "/index.m3u8")).build(), BodyHandlers.discarding());
        // Both applications' Prometheus metrics answer this machine (the default: loopback only).
        for (String path : List.of("/live/metrics", "/admin/metrics")) {
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create(value(facts, "playbackUrl"))
                    .resolve(path)).build(), BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(path + ": " + metrics.body()).isEqualTo(200);
            assertThat(metrics.body()).contains("livepush_").contains("jvm_memory_used_bytes");
        }
    }

    /** With {@code --bind 0.0.0.0} other machines reach /live; /admin still answers only this machine. */
    private static void assertBindExposesLiveButNotAdmin(int http, int https, String facts) throws Exception {
        // Java binds 0.0.0.0 as the dual-stack wildcard :: where the system has IPv6.
        for (int port : new int[] {http, https}) {
            assertThat(ListeningSockets.addressesOf(port)).as("port " + port).hasSize(1)
                    .isSubsetOf("0.0.0.0", "0:0:0:0:0:0:0:0");
        }
        HttpClient client = client();
        assertThat(client.send(HttpRequest.newBuilder(URI.create(value(facts, "portalUrl"))).build(),
                BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        List<InetAddress> external = nonLoopbackAddresses();
        if (external.isEmpty()) {
            // Nothing to come from but loopback: the listening addresses above are all this machine can show.
            return;
        }
        String host = external.get(0).getHostAddress();
        assertThat(client.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + http + "/admin/")).build(),
                BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        assertThat(statusOverTls(host, https, "/admin/api/v1/slots", basic(value(facts, "adminUser"),
                value(facts, "adminPassword")))).isEqualTo(403);
        assertThat(client.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + http
                + "/live/play/demo/demo/index.m3u8")).build(), BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
    }

    private static void assertAccessLogHoldsNoSecret(Path data, String facts) throws IOException {
        String log;
        try (Stream<Path> files = Files.list(data.resolve("logs"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("access")).toList()) {
                all.append(Files.readString(file));
            }
            log = all.toString();
        }
        assertThat(log).contains("\"GET /admin/api/v1/slots HTTP/").contains("/demo/demo/[token]/index.m3u8")
                .contains("/live/play/demo/demo/index.m3u8").contains("PUT /live/push/demo/demo/");
        for (String key : List.of("adminPassword", "operatorPassword", "ingestPassword")) {
            assertThat(log).as(key).doesNotContain(value(facts, key));
        }
        assertThat(log).doesNotContain(QUERY_TOKEN).doesNotContain("Basic ")
                .doesNotContain(basic(value(facts, "ingestUser"), value(facts, "ingestPassword")).substring(6))
                .doesNotContain(basic(value(facts, "adminUser"), value(facts, "adminPassword")).substring(6));
    }

    /**
     * A GET over TLS without host name verification (the self-signed certificate names only loopback), so the API can
     * be asked from this machine's other address; returns the status code.
     */
    private static int statusOverTls(String host, int port, String path, String authorization) throws Exception {
        try (SSLSocket socket = (SSLSocket) SelfSignedTrust.context().getSocketFactory().createSocket(host, port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nAuthorization: " + authorization + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static long databasePid(Path data) throws IOException {
        return Long.parseLong(Files.readString(data.resolve("mariadb/data/" + EmbeddedMariaDb.PID_FILE)).trim());
    }

    private static int databasePort(long pid) throws IOException {
        for (String argument : Files.readString(Path.of("/proc/" + pid + "/cmdline")).split("\0")) {
            if (argument.startsWith("--port=")) {
                return Integer.parseInt(argument.substring("--port=".length()));
            }
        }
        throw new AssertionError("mariadbd (pid " + pid + ") has no --port argument");
    }

    private static HttpClient client() throws GeneralSecurityException {
        return HttpClient.newBuilder().sslContext(SelfSignedTrust.context()).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp()) {
                Collections.list(network.getInetAddresses()).stream()
                        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                        .forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static boolean canConnect(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
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

    static Process start(Path data, int http, int https, String... options)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("livepush.quickstart.jar", "target/livepush-quickstart.jar"));
        Path log = data.resolveSibling("quickstart-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--http-port", String.valueOf(http), "--https-port",
                String.valueOf(https), "--data", data.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // OpenSSL on Java 22+ (JSSE on 17): ffmpeg's DELETEs must arrive with either engine (HalfCloseTlsChannel).
        builder.environment().put(TlsEngineChoice.VARIABLE, "auto");
        Process process = builder.start();
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
