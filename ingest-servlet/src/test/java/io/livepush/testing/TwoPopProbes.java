package io.livepush.testing;

import static io.livepush.testing.TwoPopOrigins.PASSWORD;
import static io.livepush.testing.TwoPopOrigins.USER;
import static io.livepush.testing.TwoPopOrigins.basic;
import static io.livepush.testing.TwoPopOrigins.ingestUrl;
import static io.livepush.testing.TwoPopOrigins.playbackUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What the two-PoP ITs send and check on the nodes of {@link TwoPopOrigins}: the one-encoder-two-PoPs ffmpeg command,
 * and polls of the nodes' playlists and ingest answers.
 */
public final class TwoPopProbes {

    private TwoPopProbes() {
    }

    /**
     * One encoder, two destinations: the tee muxer writes the same HLS (2 s segments, five in the playlist, older ones
     * deleted) to both ingest URLs for {@code seconds}, as the original product's guide asks of an encoder with a
     * backup ingest.
     */
    public static List<String> teeCommand(TwoPopOrigins fx, String slotName, int seconds) {
        // onfail=ignore: one unreachable PoP must not stop the push to the other.
        String options = "f=hls:onfail=ignore:hls_time=2:hls_list_size=5:hls_flags=delete_segments:method=PUT"
                + ":http_persistent=1"
                + ":headers=" + teeEscape("Authorization: " + basic(USER, PASSWORD) + "\r\n");
        String outputs = "[" + options + "]" + ingestUrl(fx.eu1, slotName, "index.m3u8")
                + "|[" + options + "]" + ingestUrl(fx.eu2, slotName, "index.m3u8");
        return List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-t", String.valueOf(seconds),
                "-map", "0:v", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                "-g", "50", "-keyint_min", "50", "-sc_threshold", "0", "-f", "tee", outputs);
    }

    /**
     * The tee muxer unescapes a slave's option string twice (once splitting the slaves, once splitting the options),
     * so each ':' and '=' inside a value takes two backslashes.
     */
    private static String teeEscape(String value) {
        return value.replace(":", "\\\\:").replace("=", "\\\\=");
    }

    /** Waits up to 20 s until the node's playlist of the slot names a segment. */
    public static void awaitPlaylist(LiveTomcat node, String slotName) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (playlist(node, slotName).contains("#EXTINF")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No playlist with a segment on " + node.http("") + " within 20 s");
    }

    /** The node's {@code index.m3u8} of the slot, or "" when it does not answer 200. */
    public static String playlist(LiveTomcat node, String slotName) throws Exception {
        var response = node.client().send(HttpRequest.newBuilder(playbackUrl(node, slotName, "index.m3u8")).build(),
                BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "";
    }

    /** Both nodes serve the last segment {@code eu1}'s playlist names (the two playlists name the same segments). */
    public static void bothServeTheSameSegments(TwoPopOrigins fx, String slotName) throws Exception {
        String segment = lastSegment(playlist(fx.eu1, slotName));
        for (LiveTomcat node : List.of(fx.eu1, fx.eu2)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && status != 200) {
                status = node.client().send(HttpRequest.newBuilder(playbackUrl(node, slotName, segment)).build(),
                        BodyHandlers.discarding()).statusCode();
                Thread.sleep(200);
            }
            assertThat(status).as("GET %s on %s", segment, node.http("")).isEqualTo(200);
        }
    }

    private static String lastSegment(String playlist) {
        String last = null;
        for (String line : playlist.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                last = line.strip();
            }
        }
        assertThat(last).as("a segment in\n%s", playlist).isNotNull();
        return last;
    }

    /** The node's playlist moves on within 15 s: a segment that was not listed yet appears. */
    public static void pushGoesOn(LiveTomcat node, String slotName) throws Exception {
        String before = lastSegment(playlist(node, slotName));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            String now = playlist(node, slotName);
            if (!now.isEmpty() && !lastSegment(now).equals(before)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The playlist on " + node.http("") + " stayed at " + before + " for 15 s");
    }

    /**
     * Polls an authenticated GET of a missing file on the node's ingest URL for up to 20 s until its status matches:
     * 404 once the node accepts the credential, 401 while it does not (or does not know the slot).
     */
    public static void awaitIngestStatus(LiveTomcat node, String slotName, String user, String password,
            IntPredicate expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = ingestStatus(node, slotName, user, password);
            if (expected.test(status)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Node " + node.https("") + " still answers " + status + " for " + user);
    }

    /** The status of one authenticated GET of a missing file on the node's ingest URL. */
    public static int ingestStatus(LiveTomcat node, String slotName, String user, String password) throws Exception {
        return node.client().send(HttpRequest.newBuilder(ingestUrl(node, slotName, "probe.ts"))
                .header("Authorization", basic(user, password)).GET().build(), BodyHandlers.discarding())
                .statusCode();
    }
}
