package io.livepush.playback;

import static io.livepush.ingest.LiveFixture.OPERATOR;
import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.ingest.LiveFixture;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.mediavault.MediaVaultSigner;
import io.livepush.mediavault.MediaVaultSigner.Term;
import io.livepush.net.AddressRule.Action;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.SlotRecord;
import io.livepush.testing.ExternalTools;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients on both sides: ffmpeg pushes an 8-second HLS stream through the ingest servlet (HTTPS, PUT, Basic
 * auth), then ffprobe plays it back through the playback URL with a signed master URL, in MediaVault {@code URL} mode
 * and in {@code COOKIE} mode. In cookie mode only the master URL carries a token: the media playlist and every segment
 * are authorised by the cookie that ffmpeg's HLS demuxer receives with the master playlist and sends on with each
 * following request. Skips when ffmpeg or ffprobe is missing, unless {@code LIVEPUSH_REQUIRE_TOOLS=1}.
 */
class FfmpegPlaybackIT {

    private static final String SECRET = "ffmpegsecret42";
    private static final int SECONDS = 8;
    private static final int FPS = 25;
    /** Segments (1 s each) that must be stored before playback starts. */
    private static final int MIN_SEGMENTS = 5;
    /** Packets (frames) read back: four seconds, all within the first {@value #MIN_SEGMENTS} segments. */
    private static final int PACKETS = 4 * FPS;

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;

    @BeforeAll
    static void start() throws Exception {
        ExternalTools.assumeInstalled("apt-get install -y ffmpeg", "ffmpeg", "ffprobe");
        fx = new LiveFixture(baseDir, Map.of());
        SlotRecord url = fx.slots.create(OPERATOR, "acme", fx.draft("ffurl", List.of(), Action.ALLOW,
                vault(MediaVaultMode.URL)));
        SlotRecord cookie = fx.slots.create(OPERATOR, "acme", fx.draft("ffcookie", List.of(), Action.ALLOW,
                vault(MediaVaultMode.COOKIE)));
        fx.awaitServed(url);
        fx.awaitServed(cookie);
        push("ffurl");
        push("ffcookie");
    }

    @AfterAll
    static void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private static MediaVaultInput vault(MediaVaultMode mode) {
        return new MediaVaultInput(mode, SECRET, null, 403, false, MediaVaultSettings.DEFAULT_PATH_TOKEN,
                MediaVaultSettings.DEFAULT_PATH_DELIM, false, 0);
    }

    @Test
    void ffprobePlaysAUrlSignedMasterPlaylist() throws Exception {
        String master = fx.tomcat.http("/play/acme/ffurl/master.m3u8").toString();
        String signed = new MediaVaultSigner(SECRET).sign(master, Term.end(Instant.now().getEpochSecond() + 120));

        Probe probe = probe(signed);

        assertThat(probe.exitCode()).as(probe.output()).isZero();
        assertThat(probe.output()).contains("codec_name=h264").contains("width=320");
        assertThat(probe.packets()).as(probe.output()).isEqualTo(PACKETS);
    }

    @Test
    void ffprobeCannotPlayTheUnsignedMasterPlaylist() throws Exception {
        Probe probe = probe(fx.tomcat.http("/play/acme/ffurl/master.m3u8").toString());

        assertThat(probe.exitCode()).as(probe.output()).isNotZero();
        assertThat(probe.output()).contains("403");
    }

    @Test
    void ffprobeCarriesTheMediaVaultCookieFromTheMasterToEverySegment() throws Exception {
        String master = fx.tomcat.http("/play/acme/ffcookie/master.m3u8").toString();
        long now = Instant.now().getEpochSecond();
        String signed = new MediaVaultSigner(SECRET).sign(master,
                Term.prefix(MediaVaultSigner.directoryPrefixLength(master)), Term.cookieInitial(60),
                Term.cookieDuration(30), Term.end(now + 120), Term.cookieFinal(now + 3600));

        Probe probe = probe(signed);

        assertThat(probe.exitCode()).as(probe.output()).isZero();
        assertThat(probe.output()).contains("codec_name=h264").contains("width=320");
        assertThat(probe.packets()).as(probe.output()).isEqualTo(PACKETS);
    }

    @Test
    void withoutTheCookieTheSegmentsOfACookieSlotAreRefused() throws Exception {
        // The media playlist below the master carries no query: only a cookie can authorise it.
        Probe probe = probe(fx.tomcat.http("/play/acme/ffcookie/index.m3u8").toString());

        assertThat(probe.exitCode()).as(probe.output()).isNotZero();
        assertThat(probe.output()).contains("403");
    }

    /**
     * Pushes an 8-second 320x240 test stream as HLS with a master playlist over one keep-alive connection, as encoders
     * do (ffmpeg writes the master's variant line only when it knows the bitrate, hence {@code -b:v}).
     */
    private static void push(String slot) throws Exception {
        String target = fx.tomcat.https("/push/acme/" + slot + "/index.m3u8").toString();
        List<String> command = List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning", "-re", "-f",
                "lavfi", "-i", "testsrc2=size=320x240:rate=" + FPS, "-t", String.valueOf(SECONDS), "-c:v", "libx264",
                "-preset", "ultrafast", "-b:v", "400k", "-g", String.valueOf(FPS), "-pix_fmt", "yuv420p", "-f", "hls",
                "-hls_time", "1", "-hls_list_size", "0", "-http_persistent", "1", "-master_pl_name", "master.m3u8",
                "-method", "PUT", "-headers", "Authorization: " + basic(USER, PASSWORD) + "\r\n", target);
        Probe run = run(command, 120);
        assertThat(run.exitCode()).as(run.output()).isZero();
        Path dir = fx.storage.resolve("acme").resolve(slot);
        assertThat(Files.readString(dir.resolve("master.m3u8"))).contains("#EXT-X-STREAM-INF").contains("index.m3u8");
        awaitSegments(dir.resolve("index.m3u8"), run.output());
    }

    /**
     * Waits until the pushed media playlist lists {@value #MIN_SEGMENTS} segments. ffmpeg does not wait for the answers
     * to its last PUTs, and its final uploads of a session (last segments, the playlist with {@code #EXT-X-ENDLIST})
     * are sometimes cut off (SPEC §4), so the stream is played back as a live stream, from its first segment.
     */
    private static void awaitSegments(Path playlist, String ffmpegOutput) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String content = "";
        while (System.nanoTime() < deadline) {
            content = Files.exists(playlist) ? Files.readString(playlist) : "";
            if (content.split("#EXTINF", -1).length - 1 >= MIN_SEGMENTS) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The pushed playlist never listed " + MIN_SEGMENTS + " segments:\n" + content
                + "\nffmpeg said:\n" + ffmpegOutput);
    }

    private static Probe probe(String url) throws Exception {
        return run(List.of("ffprobe", "-hide_banner", "-v", "error", "-live_start_index", "0", "-read_intervals",
                "%+#" + PACKETS, "-count_packets", "-show_entries", "stream=codec_name,width,nb_read_packets", "-of",
                "default=noprint_wrappers=1", url), 60);
    }

    private static Probe run(List<String> command, int timeoutSeconds) throws Exception {
        File log = Files.createTempFile(baseDir, "tool", ".log").toFile();
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(log).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command.get(0) + " did not finish within " + timeoutSeconds + " s: "
                    + Files.readString(log.toPath(), StandardCharsets.UTF_8));
        }
        return new Probe(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    /** A finished tool run: exit code and merged output. */
    private record Probe(int exitCode, String output) {

        private static final Pattern PACKET_COUNT = Pattern.compile("nb_read_packets=(\\d+)");

        int packets() {
            Matcher matcher = PACKET_COUNT.matcher(output);
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        }
    }
}
