package io.livepush.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livepush.domain.Actor;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.security.PasswordHasher;
import io.livepush.service.AccountDraft;
import io.livepush.service.AccountService;
import io.livepush.service.NewCredential;
import io.livepush.service.PopService;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotService;
import io.livepush.store.Database;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled distribution as a hosting team runs it: unpack the tarball, {@code bin/livepush-init}, then the real
 * Tomcat with {@code bin/catalina.sh run} against MariaDB; an encoder pushes HLS over HTTPS; Tomcat stops on SIGTERM
 * without an error or a leak warning in its log.
 */
class DistributionIT {

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
            createSlot(schema);

            Process tomcat = start(home, env);
            try {
                awaitLog(home, "Server startup in");
                pushWithFfmpeg(home, env);
            } finally {
                tomcat.destroy();
                assertThat(tomcat.waitFor(60, TimeUnit.SECONDS)).as("Tomcat stopped on SIGTERM").isTrue();
            }
            String log = Files.readString(home.resolve("logs/catalina.out"));
            assertThat(log).contains("Live origin [e2e-node] of PoP [e2e]");
            assertThat(log).doesNotContain("SEVERE").doesNotContain("memory leak")
                    .doesNotContain("has failed to stop it");
        }
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
        env.put("LIVEPUSH_DB_USER", "root");
        env.put("LIVEPUSH_DB_PASSWORD", "");
        env.put("LIVEPUSH_HTTP_PORT", String.valueOf(freePort()));
        env.put("LIVEPUSH_HTTPS_PORT", String.valueOf(freePort()));
        env.put("LIVEPUSH_SHUTDOWN_PORT", String.valueOf(freePort()));
        env.put("LIVEPUSH_NODE_ID", "e2e-node");
        env.put("LIVEPUSH_POP", "e2e");
        env.put("LIVEPUSH_INGEST_BASE_URL", "https://127.0.0.1:" + env.get("LIVEPUSH_HTTPS_PORT") + "/live");
        env.put("LIVEPUSH_PLAYBACK_BASE_URL", "http://127.0.0.1:" + env.get("LIVEPUSH_HTTP_PORT") + "/live");
        env.put("LIVEPUSH_OPERATOR_USER", "operator");
        env.put("LIVEPUSH_OPERATOR_PASSWORD", "E2e-First-Login-9");
        env.put("LIVEPUSH_JVM_OPTS", "-Xmx768m");
        return env;
    }

    private static void createSlot(TestSchema schema) {
        Clock clock = Clock.systemUTC();
        Actor operator = Actor.operator("operator");
        try (Database database = Database.open(schema.dataSource(), false)) {
            new AccountService(database, clock).create(operator, new AccountDraft("acme", "Acme", 100_000,
                    Map.of(SlotType.LIVE_PUSH, 5)));
            long pop = new PopService(database, clock).list().stream().filter(p -> p.name().equals("e2e"))
                    .findFirst().orElseThrow().id();
            new SlotService(database, PasswordHasher.standard(), clock).create(operator, "acme", new SlotDraft(
                    "cam1", null, SlotType.LIVE_PUSH, Region.EUROPE, pop, null, false, 5000, 2000, 30,
                    List.of(new NewCredential("encoder", "e2e-publish-pass")), List.of(), List.of(), null, null));
        }
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
                "-f", "hls", "-hls_time", "1", "-method", "PUT", "-http_persistent", "1", "-headers",
                "Authorization: Basic " + auth + "\r\n", url), "ffmpeg.log");
        assertThat(Files.readString(storage.resolve("index.m3u8"))).contains("#EXTINF");
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
