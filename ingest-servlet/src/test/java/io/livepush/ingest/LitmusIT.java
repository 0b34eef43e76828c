package io.livepush.ingest;

import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The {@code basic} suite of litmus, the WebDAV conformance tester (Debian package {@code litmus}), against the real
 * ingest URL over HTTPS with Basic credentials (issue 11). Its two {@code PUT}s of a name without an extension
 * ({@code res}, {@code res-€}) get 415 from the extension allow-list of SPEC §4; with the allow-list widened to
 * {@code *} ({@code ingest.allowedExtensions}) every test passes. litmus (0.13) accepts the self-signed test
 * certificate as it is: it does not stop on certificate verification errors, so no option or trust store is needed.
 */
class LitmusIT {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    /**
     * One result of litmus: {@code "put_get............... pass"}, {@code "... FAIL (reason)"}, {@code "... SKIPPED"}
     * or {@code "... WARNING: ..."} (a warning is no failure: litmus then adds "pass (with 1 warning)").
     */
    private static final Pattern RESULT = Pattern.compile("(\\w+)\\.{2,}\\s*(pass|FAIL|SKIPPED|WARNING)([^\\r\\n]*)");
    /** The summary line: {@code "<- summary for `basic': of 16 tests run: 16 passed, 0 failed. 100.0%"}. */
    private static final Pattern SUMMARY = Pattern.compile("of (\\d+) tests run: (\\d+) passed, (\\d+) failed");

    @TempDir
    Path baseDir;

    @Test
    void basicSuitePassesWhenTheAllowListAdmitsEveryName() throws Exception {
        ExternalTools.assumeOnPath("apt-get install -y litmus", "litmus");
        try (LiveFixture fx = new LiveFixture(baseDir, Map.of("ingest.allowedExtensions", "*"))) {
            fx.slot("dav", List.of());

            String output = litmus(fx);

            Map<String, String> results = results(output);
            assertThat(results).as(output).containsKeys("put_get", "put_get_utf8_segment", "mkcol_over_plain",
                    "delete", "mkcol", "delete_coll", "mkcol_with_body").allSatisfy((test, result) ->
                    assertThat(result).as(test + "\n" + output).matches("pass.*|WARNING.*"));
            Matcher summary = summary(output);
            assertThat(summary.group(2)).as(output).isEqualTo(summary.group(1));
            assertThat(summary.group(3)).as(output).isEqualTo("0");
        }
    }

    @Test
    void extensionlessPutsGet415WithTheDefaultAllowList() throws Exception {
        ExternalTools.assumeOnPath("apt-get install -y litmus", "litmus");
        try (LiveFixture fx = new LiveFixture(baseDir, Map.of())) {
            fx.slot("dav", List.of());

            String output = litmus(fx);

            Map<String, String> results = results(output);
            assertThat(results).as(output).containsKeys("put_get", "put_get_utf8_segment");
            assertThat(results.get("put_get")).as(output).startsWith("FAIL").contains("415");
            assertThat(results.get("put_get_utf8_segment")).as(output).startsWith("FAIL").contains("415");
            results.remove("put_get");
            results.remove("put_get_utf8_segment");
            // What depends on the stored "res" is skipped; everything else passes.
            assertThat(results).as(output).allSatisfy((test, result) ->
                    assertThat(result).as(test + "\n" + output).matches("pass.*|WARNING.*|SKIPPED.*"));
            assertThat(summary(output).group(3)).as(output).isEqualTo("2");
        }
    }

    /** Runs {@code TESTS=basic litmus URL user password} in its own directory (it writes its logs there). */
    private String litmus(LiveFixture fx) throws IOException, InterruptedException {
        Path work = Files.createDirectories(baseDir.resolve("litmus"));
        Path log = work.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder("litmus", fx.tomcat.https("/push/acme/dav/").toString(), USER,
                PASSWORD).directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TESTS", "basic");
        Process process = builder.start();
        process.getOutputStream().close();
        long start = System.nanoTime();
        ExternalTools.awaitExit(process, LIMIT, "litmus");
        LoggerFactory.getLogger(LitmusIT.class).info("litmus ran for [{}] ms", (System.nanoTime() - start) / 1_000_000);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Path debug = work.resolve("debug.log");
        return Files.exists(debug) ? output + "\n--- debug.log (end) ---\n" + tail(Files.readString(debug,
                StandardCharsets.ISO_8859_1)) : output;
    }

    private static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    private static Matcher summary(String output) {
        Matcher matcher = SUMMARY.matcher(output);
        assertThat(matcher.find()).as("litmus printed no summary:\n" + output).isTrue();
        return matcher;
    }

    /** Each test's name and its first result ("pass", "FAIL (reason)", ...), in order. */
    private static Map<String, String> results(String output) {
        Map<String, String> results = new LinkedHashMap<>();
        Matcher matcher = RESULT.matcher(output);
        while (matcher.find()) {
            results.putIfAbsent(matcher.group(1), matcher.group(2) + matcher.group(3));
        }
        return results;
    }
}
