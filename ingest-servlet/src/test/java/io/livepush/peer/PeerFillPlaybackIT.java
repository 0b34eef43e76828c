package io.livepush.peer;

import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.testing.ExternalTools;
import io.livepush.testing.HeadlessChromium;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One playback URL survives the loss of one encoder link (issue 14 §3): one ffmpeg (tee muxer, one HLS muxer per PoP,
 * so both copies have the same names and media sequence numbers) publishes a 1-second-segment stream to PoPs
 * {@code eu1} and {@code eu2}; hls.js in headless Chromium and ffprobe play from {@code eu1} while the encoder's link to
 * {@code eu1} is cut midway ({@link EncoderLink}; ffmpeg keeps publishing to {@code eu2}). {@code eu1} fills the rest
 * from {@code eu2}. Skips without ffmpeg, ffprobe, Chromium or chromedriver, unless {@code LIVEPUSH_REQUIRE_TOOLS=1}.
 */
class PeerFillPlaybackIT {

    private static final int SECONDS = 30;
    private static final int FPS = 25;
    /** Seconds of the stream after which the link to eu1 is cut. */
    private static final int CUT_AFTER = 12;
    private static final double SEGMENT_SECONDS = 1.0;
    /**
     * Starts hls.js (loaded by the page) on arguments[0] and records, every 50 ms, the longest time the video's
     * position stood still once playback had begun (window.lpStall, seconds) until window.lpStop is set.
     */
    private static final String PLAY = """
            const video = document.getElementById('video');
            const hls = new window.Hls();
            hls.on(window.Hls.Events.ERROR, (event, data) => { if (data.fatal) { window.lpError = data.details; } });
            hls.loadSource(arguments[0]);
            hls.attachMedia(video);
            video.play().catch(() => {});
            window.lpStall = 0;
            let last = -1;
            let since = performance.now();
            let started = false;
            window.lpTimer = setInterval(() => {
                const now = performance.now();
                if (window.lpStop) {
                    return;
                }
                if (video.currentTime !== last) {
                    if (started) {
                        window.lpStall = Math.max(window.lpStall, (now - since) / 1000);
                    }
                    started = started || video.currentTime > 0;
                    last = video.currentTime;
                    since = now;
                } else if (started) {
                    window.lpStall = Math.max(window.lpStall, (now - since) / 1000);
                }
            }, 50);
            """;

    @TempDir
    static Path baseDir;
    private static TwoPops pops;
    private static EncoderLink linkToEu1;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static double positionAtCut;
    private static double positionAtEnd;
    private static double longestStall;
    private static Object playerError;
    private static ExternalTools.Outcome probeOfEu1;
    private static ExternalTools.Outcome probeOfEu2;
    private static long segmentsBeforeCut;

    @BeforeAll
    static void playThroughACut() throws Exception {
        ExternalTools.assumeInstalled("apt-get install -y ffmpeg", "ffmpeg", "ffprobe");
        HeadlessChromium.assumeInstalled("PeerFillPlaybackIT");
        pops = new TwoPops(baseDir);
        pops.slot("live", 1000, null);
        linkToEu1 = new EncoderLink(pops.eu1.tomcat().httpsPort());
        Process ffmpeg = ExternalTools.start(ffmpeg(), baseDir.resolve("ffmpeg.log"));
        try {
            Path eu1Playlist = pops.eu1.file("live", "index.m3u8");
            awaitSegments(eu1Playlist, 4);
            Process probe = ExternalTools.start(probe(pops.eu1.play("live", "index.m3u8").toString()),
                    baseDir.resolve("ffprobe-eu1.log"));
            JavascriptExecutor page = startPlayer();
            awaitSegments(eu1Playlist, CUT_AFTER);
            positionAtCut = number(page.executeScript("return document.getElementById('video').currentTime"));
            linkToEu1.cut();
            segmentsBeforeCut = segments(eu1Playlist);
            assertThat(ExternalTools.awaitExit(ffmpeg, Duration.ofSeconds(SECONDS * 3), "ffmpeg"))
                    .as(Files.readString(baseDir.resolve("ffmpeg.log"))).isZero();
            Thread.sleep(2000);
            page.executeScript("window.lpStop = true");
            positionAtEnd = number(page.executeScript("return document.getElementById('video').currentTime"));
            longestStall = number(page.executeScript("return window.lpStall"));
            playerError = page.executeScript("return window.lpError || null");
            Path probeLog = baseDir.resolve("ffprobe-eu1.log");
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                ExternalTools.stop(probe);
                throw new AssertionError("ffprobe of eu1 did not reach #EXT-X-ENDLIST within 60 s after the stream"
                        + " ended; eu1 serves " + pops.get(pops.eu1.play("live", "index.m3u8")).body() + "\n"
                        + Files.readString(probeLog));
            }
            probeOfEu1 = new ExternalTools.Outcome(probe.exitValue(), Files.readString(probeLog), "");
            probeOfEu2 = ExternalTools.run(Duration.ofSeconds(60),
                    probe(pops.eu2.play("live", "index.m3u8").toString()).toArray(String[]::new));
        } finally {
            ExternalTools.stop(ffmpeg);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (linkToEu1 != null) {
            linkToEu1.close();
        }
        if (pops != null) {
            pops.close();
        }
    }

    @Test
    void hlsJsPlaysOnFromTheSameUrlWithoutAStallLongerThanOneSegment() {
        assertThat(playerError).as("hls.js reported a fatal error").isNull();
        assertThat(positionAtEnd).as("hls.js played on after the cut at " + positionAtCut + " s")
                .isGreaterThan(positionAtCut + 10);
        assertThat(longestStall).as("the longest stall of hls.js, in seconds").isLessThanOrEqualTo(SEGMENT_SECONDS);
    }

    @Test
    void ffprobeReadsEu1sPlaylistEndToEndThroughTheCut() {
        assertThat(probeOfEu1.exitCode()).as(probeOfEu1.stdout()).isZero();
        assertThat(probeOfEu2.exitCode()).as(probeOfEu2.stderr()).isZero();
        assertThat(packets(probeOfEu1.stdout())).as("video packets read from eu1, which lost its encoder midway")
                .isEqualTo(packets(probeOfEu2.stdout())).isGreaterThanOrEqualTo((SECONDS - 1) * FPS);
    }

    @Test
    void theSegmentsEu1NeverReceivedWereFilledFromEu2AndKept() throws Exception {
        long onEu2 = segments(pops.eu2.file("live", "index.m3u8"));

        assertThat(segmentsBeforeCut).as("segments eu1 received itself").isLessThan(onEu2);
        try (Stream<Path> files = Files.list(pops.eu1.file("live", "index.m3u8").getParent())) {
            assertThat(files.filter(file -> file.toString().endsWith(".ts")).count())
                    .as("segments stored on eu1, its own and those filled from eu2").isEqualTo(onEu2);
        }
    }

    /** One encoder, two HLS muxers through the tee muxer: identical names and sequence numbers on both PoPs. */
    private static List<String> ffmpeg() {
        String credentials = USER + ":" + PASSWORD + "@127.0.0.1:";
        String options = "[f=hls:hls_time=1:hls_list_size=0:method=PUT:http_persistent=1:onfail=ignore]";
        return List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning", "-re", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=" + FPS, "-t", String.valueOf(SECONDS), "-c:v", "libx264", "-preset",
                "ultrafast", "-b:v", "400k", "-g", String.valueOf(FPS), "-keyint_min", String.valueOf(FPS),
                "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-map", "0:v", "-f", "tee",
                options + "https://" + credentials + linkToEu1.port() + "/live/push/acme/live/index.m3u8|"
                        + options + "https://" + credentials + pops.eu2.tomcat().httpsPort()
                        + "/live/push/acme/live/index.m3u8");
    }

    /**
     * ffprobe reading a live playlist from its first segment until {@code #EXT-X-ENDLIST}, counting packets; verbose,
     * so that its log shows every playlist and segment request when it fails.
     */
    private static List<String> probe(String url) {
        return List.of("ffprobe", "-v", "verbose", "-live_start_index", "0", "-count_packets", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", url);
    }

    private static long packets(String output) {
        return output.lines().map(String::strip).filter(line -> line.matches("\\d+")).mapToLong(Long::parseLong)
                .findFirst().orElse(-1);
    }

    private static JavascriptExecutor startPlayer() throws Exception {
        Path player = Files.createDirectories(baseDir.resolve("player"));
        try (InputStream script = PeerFillPlaybackIT.class.getResourceAsStream(
                "/META-INF/resources/webjars/hls.js/1.4.12/dist/hls.min.js")) {
            assertThat(script).as("hls.js on the test class path").isNotNull();
            Files.copy(script, player.resolve("hls.min.js"));
        }
        Files.writeString(player.resolve("index.html"), "<!DOCTYPE html><html><body>"
                + "<video id=\"video\" muted></video><script src=\"hls.min.js\"></script></body></html>");
        pops.eu1.tomcat().addStockContext("/player", player);
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        browser.get("http://127.0.0.1:" + pops.eu1.tomcat().httpPort() + "/player/index.html");
        browser.executeScript(PLAY, pops.eu1.play("live", "index.m3u8").toString());
        Object state = new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> browser.executeScript(
                "return window.lpError || (document.getElementById('video').currentTime > 0 ? 'playing' : null)"));
        assertThat(state).as("hls.js started playing from eu1").isEqualTo("playing");
        return browser;
    }

    private static void awaitSegments(Path playlist, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS * 2L).toNanos();
        while (segments(playlist) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Fewer than " + count + " segments in " + playlist + ": "
                        + Files.readString(baseDir.resolve("ffmpeg.log")));
            }
            Thread.sleep(100);
        }
    }

    private static long segments(Path playlist) throws Exception {
        if (!Files.exists(playlist)) {
            return 0;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(playlist));
        return lines.stream().filter(line -> line.startsWith("#EXTINF")).count();
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
