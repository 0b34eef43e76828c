package io.livepush.llhls;

import static io.livepush.ingest.LiveFixture.OPERATOR;
import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.ingest.LiveFixture;
import io.livepush.playlist.MediaPlaylist;
import io.livepush.playlist.MediaPlaylists;
import io.livepush.playlist.Part;
import io.livepush.service.NewCredential;
import io.livepush.service.SlotDraft;
import io.livepush.testing.ExternalTools;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Origin-made LL-HLS parts for an encoder that makes none: ffmpeg's dash muxer pushes one-second CMAF segments of
 * four 0.25 s fragments (0.28 s at 25 fps) in chunked PUTs, with its HLS playlist ({@code -hls_playlist 1}), to a slot
 * with low latency on. Skips without ffmpeg unless {@code LIVEPUSH_REQUIRE_TOOLS=1}.
 */
class OriginPartsIT {

    private static final int SECONDS = 25;

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;
    private static Process ffmpeg;

    @BeforeAll
    static void start() throws Exception {
        ExternalTools.assumeInstalled("apt-get install -y ffmpeg", "ffmpeg");
        fx = new LiveFixture(baseDir, Map.of());
        fx.slot(new SlotDraft("ll", null, SlotType.LIVE_PUSH, Region.EUROPE, fx.pop.id(), null, false, 5000, 2000,
                300, true, List.of(new NewCredential(USER, PASSWORD)), List.of(), List.of(), null, null));
        ffmpeg = ExternalTools.start(command(fx.tomcat.https("/push/acme/ll/manifest.mpd").toString()),
                baseDir.resolve("ffmpeg.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (ffmpeg != null) {
            ExternalTools.stop(ffmpeg);
        }
        if (fx != null) {
            fx.close();
        }
    }

    /** ffmpeg's chunked CMAF push with an HLS playlist, as docs/low-latency.md gives it. */
    static List<String> command(String target) {
        return List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning", "-re", "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=25", "-t", String.valueOf(SECONDS), "-c:v", "libx264", "-preset",
                "ultrafast", "-tune", "zerolatency", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0",
                "-pix_fmt", "yuv420p", "-f", "dash", "-seg_duration", "1", "-streaming", "1", "-ldash", "1",
                "-frag_type", "duration", "-frag_duration", "0.25", "-hls_playlist", "1", "-use_template", "1",
                "-use_timeline", "1", "-window_size", "10", "-method", "PUT", "-http_persistent", "1", "-http_opts",
                "headers='Authorization: " + basic(USER, PASSWORD) + "\r\n'", target);
    }

    private static HttpResponse<byte[]> get(String path, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fx.tomcat.http(path).toString()))
                .timeout(Duration.ofSeconds(20));
        if (range != null) {
            request.header("Range", range);
        }
        return fx.client.send(request.build(), BodyHandlers.ofByteArray());
    }

    private static MediaPlaylist playlist(String query) throws Exception {
        HttpResponse<byte[]> response = get("/play/acme/ll/media_0.m3u8" + query, null);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return MediaPlaylists.parse(new String(response.body()));
    }

    /**
     * Waits until the playlist has origin-made parts of the segment still uploading and of the last complete one (the
     * first playlist request starts the scanning, so the segment uploading then has none).
     */
    private static MediaPlaylist awaitPendingParts() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (get("/play/acme/ll/media_0.m3u8", null).statusCode() == 200) {
                MediaPlaylist playlist = playlist("");
                if (!playlist.pendingParts().isEmpty() && playlist.segments().size() >= 2
                        && !playlist.segment(playlist.lastMediaSequence()).parts().isEmpty()) {
                    return playlist;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No origin-made parts within 20 s; ffmpeg log: " + baseDir.resolve("ffmpeg.log"));
    }

    @Test
    void thePlaylistGetsPartsOfTheGrowingSegmentThatAreServedAsByteRanges() throws Exception {
        MediaPlaylist playlist = awaitPendingParts();
        Part part = playlist.pendingParts().get(0);

        HttpResponse<byte[]> range = get("/play/acme/ll/" + part.uri(), "bytes=" + part.byteRange().offset() + "-"
                + (part.byteRange().offset() + part.byteRange().length() - 1));

        assertThat(playlist.serverControl().canBlockReload()).isTrue();
        assertThat(playlist.partTarget()).isBetween(0.25, 0.5);
        assertThat(playlist.serverControl().partHoldBack()).isGreaterThanOrEqualTo(3 * playlist.partTarget() - 1e-9);
        assertThat(playlist.preloadHints()).hasSize(1);
        assertThat(part.independent()).isTrue();
        assertThat(part.byteRange().offset()).isZero();
        assertThat(part.duration()).isBetween(0.2, playlist.partTarget());
        assertThat(playlist.segment(playlist.lastMediaSequence()).parts()).as("parts of the last complete segment")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize((int) part.byteRange().length());
        assertThat(new String(range.body(), 4, 4)).isEqualTo("styp");

        HttpResponse<byte[]> whole = awaitComplete(part.uri());
        assertThat(Arrays.copyOf(whole.body(), range.body().length)).isEqualTo(range.body());
    }

    @Test
    void aBlockingRequestForTheNextPartIsAnsweredWhenItCompletes() throws Exception {
        MediaPlaylist playlist = awaitPendingParts();
        long msn = playlist.nextMediaSequence();
        int part = playlist.pendingParts().size();
        long start = System.nanoTime();

        MediaPlaylist answer = playlist("?_HLS_msn=" + msn + "&_HLS_part=" + part);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        boolean hasPart = answer.nextMediaSequence() == msn ? answer.pendingParts().size() > part
                : answer.lastMediaSequence() >= msn;
        assertThat(hasPart).as("answered with part %d of segment %d", part, msn).isTrue();
        assertThat(waited).isLessThan(Duration.ofSeconds(2));
    }

    private static HttpResponse<byte[]> awaitComplete(String uri) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> whole = get("/play/acme/ll/" + uri, null);
            if (whole.statusCode() == 200) {
                return whole;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(uri + " was not published within 5 s");
    }
}
