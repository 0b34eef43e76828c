package io.livepush.llhls;

import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.testing.Percentiles.median;
import static io.livepush.testing.Percentiles.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.ingest.LiveFixture;
import io.livepush.service.NewCredential;
import io.livepush.service.SlotDraft;
import io.livepush.testing.ExternalTools;
import io.livepush.testing.HeadlessChromium;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * hls.js 1.4 with {@code lowLatencyMode} in headless Chromium plays a low-latency slot that ffmpeg's dash muxer
 * feeds with chunked CMAF (one-second segments, 0.25 s fragments, {@code -hls_playlist 1}): the origin makes the
 * parts. Samples {@code hls.latency} every 500 ms for {@code -Dlivepush.llhls.seconds} (default 30) and asserts that
 * playback advances and that the median latency is at most 5 s (a loose bound: tests are not benchmarks;
 * bench/ll-hls-latency.sh runs this for 60 s with and without low latency and reports median and p95). The samples
 * go to {@code target/llhls-latency-<ll|plain>.tsv}. {@code -Dlivepush.llhls.lowLatency=false} plays a slot without
 * low latency in hls.js's ordinary mode, for the baseline. Skips without ffmpeg, chromium or chromedriver unless
 * {@code LIVEPUSH_REQUIRE_TOOLS=1}.
 */
class HlsJsLowLatencyIT {

    private static final String HLSJS = "/META-INF/resources/webjars/hls.js/1.4.12/dist/hls.min.js";
    private static final int SECONDS = Integer.getInteger("livepush.llhls.seconds", 30);
    private static final boolean LOW_LATENCY =
            Boolean.parseBoolean(System.getProperty("livepush.llhls.lowLatency", "true"));
    private static final double MAX_MEDIAN_LATENCY = 5.0;

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;
    private static Process ffmpeg;
    private static HeadlessChromium browser;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        ExternalTools.assumeInstalled("apt-get install -y ffmpeg", "ffmpeg");
        HeadlessChromium.assumeInstalled("HlsJsLowLatencyIT");
        fx = new LiveFixture(baseDir, Map.of());
        fx.slot(new SlotDraft("hlsjs", null, SlotType.LIVE_PUSH, Region.EUROPE, fx.pop.id(), null, false, 5000, 2000,
                300, LOW_LATENCY, List.of(new NewCredential(USER, PASSWORD)), List.of(), List.of(), null, null));
        Path page = Files.createDirectories(baseDir.resolve("player"));
        try (InputStream script = HlsJsLowLatencyIT.class.getResourceAsStream(HLSJS);
                InputStream html = HlsJsLowLatencyIT.class.getResourceAsStream("hlsjs-player.html")) {
            Files.copy(script, page.resolve("hls.min.js"));
            Files.copy(html, page.resolve("index.html"));
        }
        fx.tomcat.addStockContext("/player", page);
        List<String> command = new ArrayList<>(OriginPartsIT.command(
                fx.tomcat.https("/push/acme/hlsjs/manifest.mpd").toString()));
        command.set(command.indexOf("-t") + 1, String.valueOf(SECONDS + 30));
        ffmpeg = ExternalTools.start(command, baseDir.resolve("ffmpeg.log"));
        browser = HeadlessChromium.start();
        driver = browser.driver();
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
    void hlsJsPlaysTheSlotCloseToLive() throws Exception {
        awaitPlaylist();
        String src = fx.tomcat.http("/play/acme/hlsjs/media_0.m3u8").toString();
        driver.get("http://127.0.0.1:" + fx.tomcat.httpPort() + "/player/index.html?ll=" + (LOW_LATENCY ? "1" : "0")
                + "&src=" + src);
        Thread.sleep(Duration.ofSeconds(SECONDS).toMillis());
        assertThat(driver.executeScript("return typeof Hls + ' ' + (window.samples || []).length"))
                .as(driver.getPageSource()).asString().startsWith("function");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> samples = (List<Map<String, Object>>) driver.executeScript("return window.samples");
        Object errors = driver.executeScript("return window.fatalErrors");
        long partLoads = ((Number) driver.executeScript("return window.partLoads")).longValue();
        List<Double> latencies = record(samples);
        double first = number(samples.get(samples.size() / 3).get("currentTime"));
        double last = number(samples.get(samples.size() - 1).get("currentTime"));

        assertThat(errors).asList().isEmpty();
        assertThat(last - first).as("seconds played over the last two thirds").isGreaterThan(SECONDS * 2 / 3.0 - 3);
        if (LOW_LATENCY) {
            assertThat(partLoads).as("parts hls.js loaded").isPositive();
            assertThat(median(latencies)).as("median hls.latency").isLessThanOrEqualTo(MAX_MEDIAN_LATENCY);
        }
    }

    private static void awaitPlaylist() throws Exception {
        Path playlist = fx.storage.resolve("acme/hlsjs/media_0.m3u8");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(playlist) && Files.readString(playlist).split("#EXTINF", -1).length > 3) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ffmpeg published no playlist within 20 s: " + baseDir.resolve("ffmpeg.log"));
    }

    /** Writes the samples of the last two thirds and returns their latencies, also printed as median and p95. */
    private static List<Double> record(List<Map<String, Object>> samples) throws Exception {
        List<Double> latencies = new ArrayList<>();
        StringBuilder tsv =
                new StringBuilder("at_ms\tlatency_s\ttarget_latency_s\tcurrent_time_s\twallclock_behind_s\n");
        for (Map<String, Object> sample : samples.subList(samples.size() / 3, samples.size())) {
            Object latency = sample.get("latency");
            Object playingDate = sample.get("playingDate");
            double at = number(sample.get("at"));
            String behind = playingDate == null ? "" : String.format(Locale.ROOT, "%.3f",
                    (at - number(playingDate)) / 1000);
            tsv.append(String.format(Locale.ROOT, "%.0f\t%s\t%s\t%.3f\t%s%n", at, latency, sample.get("targetLatency"),
                    number(sample.get("currentTime")), behind));
            if (latency instanceof Number value) {
                latencies.add(value.doubleValue());
            }
        }
        Path out = Path.of("target", "llhls-latency-" + (LOW_LATENCY ? "ll" : "plain") + ".tsv");
        Files.writeString(out, tsv);
        System.out.printf(Locale.ROOT, "hls.js %s latency over %d s: median %.2f s, p95 %.2f s (%d samples, %s)%n",
                LOW_LATENCY ? "low-latency" : "ordinary", SECONDS, median(latencies), percentile(latencies, 0.95),
                latencies.size(), out.toAbsolutePath());
        return latencies;
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
