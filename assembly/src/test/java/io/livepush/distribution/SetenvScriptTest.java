package io.livepush.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tomcat-conf's {@code bin/setenv.sh}, sourced by {@code sh} as {@code catalina.sh} does, with the required settings
 * present: what it does with {@code LIVEPUSH_PEER_SECRET}, which the distribution's {@code live.xml} hands to
 * {@code peerFill.secret}.
 */
class SetenvScriptTest {

    private static final Path SETENV = Path.of("..", "tomcat-conf", "bin", "setenv.sh");

    @TempDir
    Path base;

    record Run(int exitCode, String output) {
    }

    @Test
    void aPeerSecretIsExportedForLiveXml() throws Exception {
        Run run = source(Map.of("LIVEPUSH_PEER_SECRET", "a-cluster-secret-of-24ch"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("peer=[a-cluster-secret-of-24ch]").contains("exported");
    }

    @Test
    void withoutAPeerSecretPeerFillStaysOffAndTomcatStarts() throws Exception {
        Run run = source(Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        // Set and empty: live.xml's ${LIVEPUSH_PEER_SECRET} resolves to "" (peer fill off), not to its own text.
        assertThat(run.output()).contains("peer=[]").contains("exported");
    }

    @Test
    void aPeerSecretShorterThan16CharactersRefusesTheStart() throws Exception {
        Run run = source(Map.of("LIVEPUSH_PEER_SECRET", "too-short"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("refusing to start: LIVEPUSH_PEER_SECRET has fewer than 16 characters")
                .doesNotContain("too-short");
    }

    @Test
    void anUnknownTlsEngineRefusesTheStart() throws Exception {
        Run run = source(Map.of("LIVEPUSH_TLS_ENGINE", "boringssl"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("refusing to start: LIVEPUSH_TLS_ENGINE must be auto, jsse or openssl");
    }

    @Test
    void theTlsEngineDefaultsToJsseForServerXml() throws Exception {
        Run run = source(Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("tls=[jsse]");
    }

    private Run source(Map<String, String> extra) throws IOException, InterruptedException {
        Path keystore = Files.writeString(base.resolve("keystore.p12"), "not read by setenv.sh");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", ". \"$1\" && echo \"peer=[$LIVEPUSH_PEER_SECRET]\" "
                + "\"tls=[$LIVEPUSH_TLS_ENGINE]\" && env | grep -q '^LIVEPUSH_PEER_SECRET=' && echo exported",
                "setenv-test", SETENV.toAbsolutePath().toString());
        builder.redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("LIVEPUSH_"));
        env.put("CATALINA_BASE", base.toString());
        env.put("LIVEPUSH_KEYSTORE", keystore.toString());
        env.put("LIVEPUSH_KEYSTORE_PASSWORD", "a-keystore-password");
        env.put("LIVEPUSH_DB_PASSWORD", "a-database-password");
        env.put("LIVEPUSH_STORAGE", base.resolve("storage").toString());
        env.putAll(extra);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("setenv.sh finished").isTrue();
        return new Run(process.exitValue(), output);
    }
}
