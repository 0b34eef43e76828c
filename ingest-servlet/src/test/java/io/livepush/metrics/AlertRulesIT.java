package io.livepush.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.testing.ExternalTools;
import io.livepush.testing.MetricNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped alert rules ({@value MetricNames#RULES}) are valid and do what they say: {@code promtool check rules}
 * accepts them and {@code promtool test rules} runs their unit tests (every alert fires on the series that should
 * fire it, and not before its {@code for}). Skips without promtool, unless {@code LIVEPUSH_REQUIRE_TOOLS=1}.
 */
class AlertRulesIT {

    @TempDir
    static Path output;

    @BeforeAll
    static void promtoolIsInstalled() {
        ExternalTools.assumeOnPath("apt-get install -y prometheus", "promtool");
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Result check = promtool("check", "rules", "livepush-rules.yml");

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 8 rules found");
    }

    @Test
    void everyAlertFiresInItsUnitTest() throws Exception {
        Result test = promtool("test", "rules", "livepush-rules.test.yml");

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertHasAUnitTest() throws Exception {
        Path directory = MetricNames.buildRoot().resolve(MetricNames.RULES).getParent();
        String rules = Files.readString(directory.resolve("livepush-rules.yml"));
        String tests = Files.readString(directory.resolve("livepush-rules.test.yml"));

        List<String> alerts = rules.lines().map(String::strip).filter(line -> line.startsWith("- alert: "))
                .map(line -> line.substring("- alert: ".length())).toList();
        assertThat(alerts).hasSize(8)
                .allMatch(alert -> tests.contains("alertname: " + alert + "\n"), "tested");
    }

    private static Result promtool(String... arguments) throws Exception {
        Path directory = MetricNames.buildRoot().resolve(MetricNames.RULES).getParent();
        Path log = Files.createTempFile(output, "promtool", ".log");
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("promtool did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
