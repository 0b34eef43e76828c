package io.livepush.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livepush.distribution.SelfSignedTrust;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The URLs the portal shows for the quick start's demo slot, each fetched as its user would: the ingest URL with a
 * PUT and the encoder's credentials, the playback URLs over http and https, the MediaVault test URL; and the Player
 * playing what ffmpeg pushes, HLS and then DASH under MediaVault (so the Player has to sign), in headless Chromium;
 * the low-latency URLs with the ffmpeg line the page gives for them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickStartPortalIT {

    private static final Pattern SLOT_ID = Pattern.compile("\"id\":\"([0-9a-f]{32})\"");
    private static final Pattern POP_ID = Pattern.compile("\"primaryPop\":\\{\"id\":(\\d+)");

    @TempDir
    static Path work;
    private static Path data;
    private static Process quickStart;
    private static int httpPort;
    private static int httpsPort;
    private static PortalPage portal;
    private static HttpClient client;
    private static String slotId;

    @BeforeAll
    static void start() throws Exception {
        data = work.resolve("livepush-data");
        httpPort = QuickStartIT.freePort();
        httpsPort = QuickStartIT.freePort();
        quickStart = QuickStartIT.start(data, httpPort, httpsPort);
        client = HttpClient.newBuilder().sslContext(SelfSignedTrust.context())
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> slot = api("GET", "", null);
        assertThat(slot.statusCode()).as(slot.body()).isEqualTo(200);
        Matcher id = SLOT_ID.matcher(slot.body());
        assertThat(id.find()).as(slot.body()).isTrue();
        slotId = id.group(1);
        portal = PortalPage.start();
        portal.login(portalUrl(), fact("adminUser"), fact("adminPassword"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
        if (quickStart != null) {
            QuickStartIT.stop(quickStart);
        }
    }

    @Test
    @Order(1)
    void everyUrlOnTheDetailsPageAnswersAndHttpsPlaybackIsOnTheTlsPort() throws Exception {
        portal.open(portalUrl() + "slots/" + slotId);
        String ingest = portal.value("primary-ingest-url");
        String http = portal.value("playback-http-url");
        String https = portal.value("playback-https-url");
        String body = "{\"check\": " + System.nanoTime() + "}";

        assertThat(ingest).isEqualTo("https://127.0.0.1:" + httpsPort + "/live/push/demo/demo/");
        assertThat(http).isEqualTo("http://127.0.0.1:" + httpPort + "/live/play/demo/demo/");
        assertThat(https).isEqualTo("https://127.0.0.1:" + httpsPort + "/live/play/demo/demo/");
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(ingest + "url-check.json"))
                .header("Authorization", encoderAuthorization()).PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isIn(201, 204);
        for (String playback : List.of(http, https)) {
            HttpResponse<String> get = get(playback + "url-check.json");
            assertThat(get.statusCode()).as(playback + ": " + get.body()).isEqualTo(200);
            assertThat(get.body()).isEqualTo(body);
        }
        portal.type("signed-path", "url-check.json");
        portal.click("signed-generate");
        HttpResponse<String> signed = get(portal.value("signed-url"));
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).isEqualTo(body);
    }

    @Test
    @Order(2)
    void thePlayerPlaysTheHlsStreamFfmpegPushes() throws Exception {
        Process ffmpeg = push(List.of("-f", "hls", "-hls_time", "1", "-hls_list_size", "6", "-hls_flags",
                "delete_segments", "-method", "PUT", "-http_persistent", "1", "-headers",
                "Authorization: " + encoderAuthorization() + "\r\n", ingestUrl() + "index.m3u8"), "hls");
        try {
            awaitStored("index.m3u8", ".ts");
            portal.open(portalUrl() + "slots/" + slotId + "/player");
            portal.click("player-play");

            assertThat(playing()).isEqualTo("http://127.0.0.1:" + httpPort
                    + "/live/play/demo/demo/index.m3u8");
            assertVideoAdvances();
        } finally {
            ffmpeg.destroy();
        }
    }

    @Test
    @Order(3)
    void underMediaVaultThePlayerSignsTheDashManifestAndPlaysIt() throws Exception {
        enableMediaVault();
        Process ffmpeg = push(List.of("-f", "dash", "-seg_duration", "1", "-window_size", "6",
                "-extra_window_size", "2", "-use_template", "1", "-use_timeline", "1", "-remove_at_exit", "0",
                "-method", "PUT", "-http_persistent", "1",
                "-http_opts", "headers='Authorization: " + encoderAuthorization() + "\r\n'", ingestUrl()
                        + "manifest.mpd"), "dash");
        try {
            awaitStored("manifest.mpd", ".m4s");
            String unsigned = "http://127.0.0.1:" + httpPort + "/live/play/demo/demo/manifest.mpd";
            assertThat(get(unsigned).statusCode()).as("an unsigned manifest is refused").isEqualTo(400);
            portal.open(portalUrl() + "slots/" + slotId);
            portal.type("signed-path", "manifest.mpd");
            portal.click("signed-generate");
            HttpResponse<String> signed = get(portal.value("signed-url"));
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
            assertThat(signed.body()).contains("<MPD");

            portal.open(portalUrl() + "slots/" + slotId + "/player");
            portal.type("player-path", "manifest.mpd");
            portal.click("player-play");

            assertThat(playing()).startsWith(unsigned + "?").contains("&h=");
            assertVideoAdvances();
        } finally {
            ffmpeg.destroy();
        }
    }

    /**
     * Encoder health end to end: two ffmpeg processes push one rendition each (1 s segments) below a master playlist
     * that declares their bitrates; one is killed (no ENDLIST), so that rendition goes Late and then Stopped while the
     * other stays Healthy, in the REST API and in the Details table in Chromium, which refreshes by itself; started
     * again, it restarts its media sequence, which is reported as a reset.
     */
    @Test
    @Order(4)
    void aStoppedRenditionGoesLateThenStoppedWhileTheOtherStaysHealthy() throws Exception {
        HttpResponse<String> master = client.send(HttpRequest.newBuilder(URI.create(ingestUrl() + "master.m3u8"))
                .header("Authorization", encoderAuthorization()).PUT(HttpRequest.BodyPublishers.ofString("""
                        #EXTM3U
                        #EXT-X-STREAM-INF:BANDWIDTH=600000,AVERAGE-BANDWIDTH=470000,RESOLUTION=320x240
                        high/index.m3u8
                        #EXT-X-STREAM-INF:BANDWIDTH=330000,AVERAGE-BANDWIDTH=260000,RESOLUTION=320x240
                        low/index.m3u8
                        """)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(master.statusCode()).as(master.body()).isIn(201, 204);
        Process high = push(rendition("high", "400k"), "high");
        Process low = push(rendition("low", "200k"), "low");
        try {
            awaitHealth("high/index.m3u8", "healthy", Duration.ofSeconds(60));
            awaitHealth("low/index.m3u8", "healthy", Duration.ofSeconds(60));
            portal.open(portalUrl() + "slots/" + slotId);
            portal.driver.executeScript("window.lowStates = []; setInterval(() => { const s = document.querySelector("
                    + "\"#rendition-health-grid span[data-rendition='low/index.m3u8']\"); const v = s ? "
                    + "s.getAttribute('data-state') : null; if (v && window.lowStates[window.lowStates.length - 1] "
                    + "!== v) { window.lowStates.push(v); } }, 100);");
            portal.wait.until(d -> browserStates().contains("healthy"));

            low.destroyForcibly().waitFor();
            String late = awaitHealth("low/index.m3u8", "late", Duration.ofSeconds(10));
            assertThat(state(late, "high/index.m3u8")).as(late).isEqualTo("healthy");
            String stopped = awaitHealth("low/index.m3u8", "stopped", Duration.ofSeconds(10));
            assertThat(state(stopped, "high/index.m3u8")).as(stopped).isEqualTo("healthy");
            assertThat(stopped).containsPattern("\"declaredKbps\":470\\b");

            portal.wait.until(d -> browserStates().contains("stopped"));
            assertThat(browserStates()).as("what the Details table showed for low, in order")
                    .containsSubsequence("healthy", "late", "stopped");
            assertThat(String.valueOf(portal.driver.executeScript("return document.querySelector(\"#rendition-"
                    + "health-grid span[data-rendition='high/index.m3u8']\").getAttribute('data-state')")))
                    .isEqualTo("healthy");

            low = push(rendition("low", "200k"), "low-again");
            String reset = awaitHealth("low/index.m3u8", "healthy", Duration.ofSeconds(60));
            assertThat(field(reset, "low/index.m3u8", "sequenceResets")).as(reset).isEqualTo("1");
        } finally {
            high.destroyForcibly();
            low.destroyForcibly();
        }
    }

    /**
     * Low latency end to end: turned on through the REST API (MediaVault off again), the Details page shows the LL
     * URLs and an ffmpeg line; that line, run by bash as shown with only the input and the credentials filled in,
     * feeds a master playlist, a media playlist with origin-made parts that holds a blocking reload, and an LL-DASH
     * manifest, each fetched at the URL the page shows.
     */
    @Test
    @Order(5)
    void withLowLatencyOnTheDetailsPageGivesAnFfmpegLineThatFeedsTheLowLatencyUrlsItShows() throws Exception {
        Matcher pop = POP_ID.matcher(api("GET", "", null).body());
        assertThat(pop.find()).isTrue();
        HttpResponse<String> update = api("PUT", "", """
                {"description": "Created by the quick start", "region": "europe", "primaryPopId": %s,
                 "useBackupIngest": false, "totalKbps": 5000, "segmentDurationMs": 2000, "fileExpirySeconds": 300,
                 "lowLatency": true, "publishCidrs": [], "viewerRules": [], "viewerDefault": "allow",
                 "mediaVault": {"mode": "none"}}""".formatted(pop.group(1)));
        assertThat(update.statusCode()).as(update.body()).isEqualTo(204);
        portal.open(portalUrl() + "slots/" + slotId);
        String command = portal.value("ll-ffmpeg");
        String master = portal.value("ll-hls-url");
        String media = portal.value("ll-hls-media-url");
        String dash = portal.value("ll-dash-url");
        String playback = "https://127.0.0.1:" + httpsPort + "/live/play/demo/demo/";
        assertThat(List.of(master, media, dash)).containsExactly(playback + "master.m3u8", playback + "media_0.m3u8",
                playback + "manifest.mpd");
        assertThat(command).startsWith("ffmpeg -re -i INPUT ").endsWith(" '" + ingestUrl() + "manifest.mpd'");
        deleteStoredSegments();

        Process ffmpeg = shell(command.replace("-i INPUT", "-f lavfi -i testsrc2=size=320x240:rate=25 -f lavfi -i "
                + "sine=frequency=440:sample_rate=48000 -t 90").replace("CREDENTIALS",
                encoderAuthorization().substring("Basic ".length())), "ll");
        try {
            awaitStored("media_0.m3u8", ".m4s", "ffmpeg-ll.log");
            HttpResponse<String> masterPlaylist = get(master);
            assertThat(masterPlaylist.statusCode()).as(masterPlaylist.body()).isEqualTo(200);
            assertThat(masterPlaylist.body()).contains("media_0.m3u8").contains("media_1.m3u8");
            String parts = awaitParts(media);
            assertThat(parts).contains("CAN-BLOCK-RELOAD=YES").contains("#EXT-X-PART-INF:PART-TARGET=")
                    .contains("#EXT-X-PRELOAD-HINT:");

            long next = nextMediaSequence(parts);
            long start = System.nanoTime();
            HttpResponse<String> held = get(media + "?_HLS_msn=" + next);
            assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
            assertThat(nextMediaSequence(held.body())).as(held.body()).isGreaterThan(next);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            HttpResponse<String> manifest = get(dash);
            assertThat(manifest.statusCode()).as(manifest.body()).isEqualTo(200);
            assertThat(manifest.body()).contains("<MPD").contains("availabilityTimeOffset=");
        } finally {
            ffmpeg.destroy();
        }
    }

    /** Polls {@code url} until the playlist has origin-made parts (the first request starts the scanning). */
    private static String awaitParts(String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> playlist = get(url);
            body = playlist.body();
            if (playlist.statusCode() == 200 && body.contains("#EXT-X-PART:")) {
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No parts in " + url + " within 30 s: " + body);
    }

    /** The media sequence number the segment after the playlist's last complete one will have. */
    private static long nextMediaSequence(String playlist) {
        Matcher sequence = Pattern.compile("#EXT-X-MEDIA-SEQUENCE:(\\d+)").matcher(playlist);
        long first = sequence.find() ? Long.parseLong(sequence.group(1)) : 0;
        return first + Pattern.compile("^#EXTINF:", Pattern.MULTILINE).matcher(playlist).results().count();
    }

    /**
     * Removes the fMP4 segments the DASH test left: the low-latency push uses the same names from 1 on, and a
     * complete old object is served instead of a new one still uploading (the replace rule).
     */
    private static void deleteStoredSegments() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("storage/demo/demo"))) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".m4s")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Runs {@code command} with bash, as a user pastes it (bash execs ffmpeg), its output in ffmpeg-name.log. */
    private static Process shell(String command, String name) throws Exception {
        requireFfmpeg();
        return new ProcessBuilder("bash", "-c", "exec " + command).redirectErrorStream(true)
                .redirectOutput(work.resolve("ffmpeg-" + name + ".log").toFile()).start();
    }

    /** ffmpeg's HLS output for one rendition at a constant bitrate, with 1 s segments, below {@code name/}. */
    private static List<String> rendition(String name, String bitrate) throws Exception {
        return List.of("-b:v", bitrate, "-maxrate", bitrate, "-bufsize", bitrate, "-x264-params", "nal-hrd=cbr",
                "-f", "hls", "-hls_time", "1", "-hls_list_size", "6", "-method", "PUT", "-http_persistent", "1",
                "-headers", "Authorization: " + encoderAuthorization() + "\r\n", ingestUrl() + name + "/index.m3u8");
    }

    /** Polls {@code /health} until {@code rendition} is in {@code state}; returns that answer. */
    private static String awaitHealth(String rendition, String state, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> health = api("GET", "/health", null);
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            body = health.body();
            if (state.equals(state(body, rendition))) {
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(rendition + " was not " + state + " within " + within + ": " + body);
    }

    private static String state(String health, String rendition) {
        return field(health, rendition, "state");
    }

    /** A plain field of the first entry of {@code rendition} in a {@code /health} answer, as written. */
    private static String field(String health, String rendition, String name) {
        Matcher entry = Pattern.compile("\\{\"rendition\":\"" + Pattern.quote(rendition) + "\"[^}]*").matcher(health);
        if (!entry.find()) {
            return null;
        }
        Matcher value = Pattern.compile("\"" + name + "\":\"?([^\",]*)").matcher(entry.group());
        return value.find() ? value.group(1) : null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> browserStates() {
        return (List<String>) portal.driver.executeScript("return window.lowStates || [];");
    }

    /**
     * The video's clock passes 1 s, then moves on by another 2 s. A live DASH player waits for segments by the wall
     * clock, so on a loaded machine it may stall for a moment: the second step may take up to the wait's 60 s.
     */
    private static void assertVideoAdvances() {
        String state = "const v = document.getElementById('player-video'); return [v.currentTime, v.readyState, "
                + "v.error ? v.error.code + ' ' + v.error.message : 'no error', v.src, performance"
                + ".getEntriesByType('resource').slice(-12).map(e => e.name.replace(/[?].*/, '?') + ' '"
                + " + e.responseStatus)];";
        try {
            portal.wait.until(d -> currentTime() > 1.0);
            double first = currentTime();
            portal.wait.until(d -> currentTime() > first + 2.0);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The video did not play on: " + portal.driver.executeScript(state), e);
        }
    }

    private static double currentTime() {
        Object time = portal.driver.executeScript("return document.getElementById('player-video').currentTime");
        return ((Number) time).doubleValue();
    }

    private static String playing() {
        return String.valueOf(portal.driver.executeScript(
                "return document.getElementById('player-video').getAttribute('data-playing')"));
    }

    /** Turns MediaVault on for the demo slot through the REST API (URL mode: manifests need a token). */
    private static void enableMediaVault() throws Exception {
        Matcher pop = POP_ID.matcher(api("GET", "", null).body());
        assertThat(pop.find()).isTrue();
        String input = """
                {"description": "Created by the quick start", "region": "europe", "primaryPopId": %s,
                 "useBackupIngest": false, "totalKbps": 5000, "segmentDurationMs": 2000, "fileExpirySeconds": 300,
                 "publishCidrs": [], "viewerRules": [], "viewerDefault": "allow",
                 "mediaVault": {"mode": "URL", "primarySecret": "quickStartPlayerSecret1"}}""".formatted(pop.group(1));
        HttpResponse<String> update = api("PUT", "", input);
        assertThat(update.statusCode()).as(update.body()).isEqualTo(204);
    }

    /** ffmpeg pushing a live test pattern (H.264, 1 s GOP) for up to 90 s, its output in {@code ffmpeg-<name>.log}. */
    private static Process push(List<String> output, String name) throws Exception {
        requireFfmpeg();
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-re", "-f",
                "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "90", "-c:v", "libx264", "-preset",
                "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", "-g", "25", "-keyint_min", "25",
                "-sc_threshold", "0"));
        command.addAll(output);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("ffmpeg-" + name + ".log").toFile()).start();
    }

    private static void requireFfmpeg() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/ffmpeg"));
        if (!present && "1".equals(System.getenv("LIVEPUSH_REQUIRE_TOOLS"))) {
            throw new AssertionError("ffmpeg is required (LIVEPUSH_REQUIRE_TOOLS=1) but /usr/bin/ffmpeg is missing");
        }
        assumeTrue(present, "ffmpeg is not installed: the Player test is skipped");
    }

    private static void awaitStored(String manifest, String extension) throws Exception {
        awaitStored(manifest, extension, manifest.endsWith(".mpd") ? "ffmpeg-dash.log" : "ffmpeg-hls.log");
    }

    /**
     * Waits until the slot's storage holds {@code manifest} and three media segments ending in {@code extension};
     * shows ffmpeg's {@code log} when they do not come.
     */
    private static void awaitStored(String manifest, String extension, String log) throws Exception {
        Path slot = data.resolve("storage/demo/demo");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(slot.resolve(manifest)) && segments(slot, extension) >= 3) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(manifest + " and three segments were not stored within 60 s; ffmpeg said:\n"
                + Files.readString(work.resolve(log)));
    }

    private static long segments(Path slot, String extension) throws IOException {
        try (Stream<Path> files = Files.list(slot)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(extension) && !name.startsWith("init")).count();
        }
    }

    private static String portalUrl() {
        return "http://127.0.0.1:" + httpPort + "/admin/";
    }

    /** A value of the quick start's {@code quickstart.json}. */
    private static String fact(String key) throws IOException {
        return QuickStartIT.value(Files.readString(data.resolve("quickstart.json")), key);
    }

    private static String ingestUrl() throws Exception {
        return fact("ingestUrl");
    }

    private static String encoderAuthorization() throws Exception {
        return basic(fact("ingestUser"), fact("ingestPassword"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The demo slot in the REST API, as the demo account's admin (Basic over HTTPS). */
    private static HttpResponse<String> api(String method, String suffix, String json) throws Exception {
        URI uri = URI.create("https://127.0.0.1:" + httpsPort + "/admin/api/v1/slots/demo" + suffix);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", basic(fact("adminUser"), fact("adminPassword")))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
