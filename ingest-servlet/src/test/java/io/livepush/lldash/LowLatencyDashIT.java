package io.livepush.lldash;

import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static io.livepush.testing.Percentiles.median;
import static io.livepush.testing.Percentiles.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.ingest.FfmpegCommands;
import io.livepush.ingest.LiveFixture;
import io.livepush.service.NewCredential;
import io.livepush.service.SlotDraft;
import io.livepush.testing.ExternalTools;
import io.livepush.testing.HeadlessChromium;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * LL-DASH end to end (issue 12 §2): ffmpeg's dash muxer pushes 2 s segments of 0.5 s fragments, each segment in one
 * chunked {@code PUT} ({@code -streaming 1 -ldash 1}), to a slot with low latency on; dash.js 4.7 in headless Chromium
 * plays the manifest, fetching each segment while it uploads. Samples {@code player.getCurrentLiveLatency()} every
 * 500 ms for {@code -Dlivepush.lldash.seconds} (default 30) and asserts that playback advances and that the median
 * latency over the last two thirds is at most 5 s (a loose bound: tests are not benchmarks; bench/low-latency.sh runs
 * this for longer, with and without low latency, and reports median, p95 and stalls). The samples go to
 * {@code target/lldash-latency-<ll|plain>[-defaults].tsv}. Before the player starts it checks that the origin serves
 * the segment being uploaded in flight, chunked, byte-identical to what is then published.
 *
 * <p>{@code -Dlivepush.lldash.lowLatency=false} plays the same push from a slot without low latency (no object served
 * in flight), the baseline; {@code -Dlivepush.lldash.player.lowLatency=false} plays with dash.js's defaults instead of
 * the low-latency settings. The latency bound applies to the low-latency slot and player only. Skips without ffmpeg,
 * chromium, chromedriver or npm unless {@code LIVEPUSH_REQUIRE_TOOLS=1}.
 */
class LowLatencyDashIT {

    private static final int SECONDS = Integer.getInteger("livepush.lldash.seconds", 30);
    private static final boolean LOW_LATENCY =
            Boolean.parseBoolean(System.getProperty("livepush.lldash.lowLatency", "true"));
    /** dash.js with the settings of docs/low-latency.md, or (false) with its defaults. */
    private static final boolean LOW_LATENCY_PLAYER =
            Boolean.parseBoolean(System.getProperty("livepush.lldash.player.lowLatency", "true"));
    private static final String RUN = (LOW_LATENCY ? "ll" : "plain") + (LOW_LATENCY_PLAYER ? "" : "-defaults");
    private static final double MAX_MEDIAN_LATENCY = 5.0;
    private static final Pattern SEGMENT = Pattern.compile("chunk-stream0-(\\d{5})\\.m4s");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;
    private static Process ffmpeg;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        ExternalTools.assumeInstalled("apt-get install -y ffmpeg", "ffmpeg");
        HeadlessChromium.assumeInstalled("LowLatencyDashIT");
        DashJs.assumeNpm();
        fx = new LiveFixture(baseDir, Map.of());
        fx.slot(new SlotDraft("lldash", null, SlotType.LIVE_PUSH, Region.EUROPE, fx.pop.id(), null, false, 5000, 2000,
                300, LOW_LATENCY, List.of(new NewCredential(USER, PASSWORD)), List.of(), List.of(), null, null));
        Path page = Files.createDirectories(baseDir.resolve("player"));
        Files.copy(DashJs.script(), page.resolve("dash.all.min.js"));
        try (InputStream html = LowLatencyDashIT.class.getResourceAsStream("dashjs-player.html")) {
            Files.copy(html, page.resolve("index.html"));
        }
        fx.tomcat.addStockContext("/player", page);
        ffmpeg = ExternalTools.start(FfmpegCommands.lowLatencyDash(fx.tomcat.https("/push/acme/lldash/").toString(),
                basic(USER, PASSWORD), SECONDS + 30), baseDir.resolve("ffmpeg.log"));
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (ffmpeg != null) {
            ExternalTools.stop(ffmpeg);
        }
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void dashJsPlaysTheSlotCloseToLive() throws Exception {
        int published = awaitSegments(2);
        if (LOW_LATENCY) {
            segmentServedInFlight(published);
        }
        ChromeDriver driver = browser.driver();
        driver.get("http://127.0.0.1:" + fx.tomcat.httpPort() + "/player/index.html?ll="
                + (LOW_LATENCY_PLAYER ? "1" : "0") + "&src=" + fx.tomcat.http("/play/acme/lldash/manifest.mpd"));
        Thread.sleep(Duration.ofSeconds(SECONDS).toMillis());
        assertThat(driver.executeScript("return typeof dashjs")).as(driver.getPageSource()).isEqualTo("object");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> samples = (List<Map<String, Object>>) driver.executeScript("return window.samples");
        Object errors = driver.executeScript("return window.errors");
        List<Map<String, Object>> measured = samples.subList(samples.size() / 3, samples.size());
        List<Double> latencies = record(measured);
        double first = number(measured.get(0).get("currentTime"));
        double last = number(measured.get(measured.size() - 1).get("currentTime"));

        assertThat(errors).asList().isEmpty();
        assertThat(last - first).as("seconds played over the last two thirds").isGreaterThan(SECONDS * 2 / 3.0 - 3);
        if (LOW_LATENCY && LOW_LATENCY_PLAYER) {
            assertThat(median(latencies)).as("median getCurrentLiveLatency()").isLessThanOrEqualTo(MAX_MEDIAN_LATENCY);
        }
    }

    /**
     * Reads the segment after the newest published one while ffmpeg is still sending it: the answer must come chunked
     * without a length (the object in flight, not a stored file) and, once complete, equal the published segment.
     */
    private static void segmentServedInFlight(int published) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + WAIT.toNanos();
        int number = published + 1;
        while (System.nanoTime() < deadline) {
            String name = String.format(Locale.ROOT, "chunk-stream0-%05d.m4s", number);
            HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(
                    URI.create(fx.tomcat.http("/play/acme/lldash/" + name).toString())).timeout(WAIT).build(),
                    BodyHandlers.ofByteArray());
            if (answer.statusCode() == 200 && answer.headers().firstValue("Content-Length").isEmpty()) {
                assertThat(answer.headers().firstValue("Transfer-Encoding")).as("in-flight answer").hasValue("chunked");
                assertThat(answer.body()).as(name + " read in flight vs. published")
                        .isEqualTo(Files.readAllBytes(fx.storage.resolve("acme/lldash/" + name)));
                return;
            }
            number = Math.max(number, newestSegment() + 1);
            Thread.sleep(50);
        }
        throw new AssertionError("No segment was served in flight within " + WAIT);
    }

    private static int awaitSegments(int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(fx.storage.resolve("acme/lldash/manifest.mpd")) && newestSegment() >= count) {
                return newestSegment();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ffmpeg published fewer than " + count + " segments within " + WAIT + ": "
                + Files.readString(baseDir.resolve("ffmpeg.log")));
    }

    private static int newestSegment() throws Exception {
        Path slot = fx.storage.resolve("acme/lldash");
        if (!Files.isDirectory(slot)) {
            return 0;
        }
        try (var files = Files.list(slot)) {
            return files.map(file -> SEGMENT.matcher(file.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(match -> Integer.parseInt(match.group(1))).max().orElse(0);
        }
    }

    /** Writes the samples and returns their latencies, also printed as median and p95 with the stalls counted. */
    private static List<Double> record(List<Map<String, Object>> samples) throws Exception {
        assertThat(samples).as("samples dash.js gave").isNotEmpty();
        List<Double> latencies = new ArrayList<>();
        StringBuilder tsv = new StringBuilder(
                "at_ms\tlatency_s\ttarget_latency_s\tcurrent_time_s\tplayback_rate\tbuffer_s\tstalls\n");
        for (Map<String, Object> sample : samples) {
            Object latency = sample.get("latency");
            tsv.append(String.format(Locale.ROOT, "%.0f\t%s\t%s\t%.3f\t%s\t%s\t%.0f%n", number(sample.get("at")),
                    latency, sample.get("targetLatency"), number(sample.get("currentTime")),
                    sample.get("playbackRate"), sample.get("buffer"), number(sample.get("stalls"))));
            if (latency instanceof Number value && !Double.isNaN(value.doubleValue())) {
                latencies.add(value.doubleValue());
            }
        }
        long stalls = (long) (number(samples.get(samples.size() - 1).get("stalls"))
                - number(samples.get(0).get("stalls")));
        Path out = Path.of("target", "lldash-latency-" + RUN + ".tsv");
        Files.writeString(out, tsv);
        System.out.printf(Locale.ROOT, "dash.js (%s slot, %s player) latency over %d s: median %.2f s, p95 %.2f s, "
                + "%d stalls (%d samples, %s)%n", LOW_LATENCY ? "low-latency" : "plain",
                LOW_LATENCY_PLAYER ? "low-latency" : "default", SECONDS, median(latencies), percentile(latencies, 0.95),
                stalls, latencies.size(), out.toAbsolutePath());
        return latencies;
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
