package io.livepush.peer;

import static io.livepush.ingest.LiveFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.mediavault.MediaVaultSigner;
import io.livepush.mediavault.MediaVaultSigner.Term;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.SlotLiveStatus;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peer fill between two real {@code live.war} nodes of PoPs {@code eu1} and {@code eu2} (issue 14 §3), with tiny
 * playlists and segments published by hand: what is filled, what is not, divergence, and the node-to-node checks.
 */
class PeerFillIT {

    private static final String MV_SECRET = "peerFillVaultSecret42";

    @TempDir
    static Path baseDir;
    private static TwoPops pops;

    @BeforeAll
    static void start() throws Exception {
        pops = new TwoPops(baseDir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (pops != null) {
            pops.close();
        }
    }

    /** A live playlist (target duration 1 s) naming {@code seg_N.ts} for N from {@code first} to {@code last}. */
    private static String playlist(int first, int last) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n"
                + "#EXT-X-MEDIA-SEQUENCE:" + first + "\n");
        for (int n = first; n <= last; n++) {
            text.append("#EXTINF:1.000000,\nseg_").append(n).append(".ts\n");
        }
        return text.toString();
    }

    /** Publishes the playlist naming segments {@code first}..{@code last}, and those segments, to {@code node}. */
    private static void publish(TwoPops.Node node, String slot, int first, int last) throws Exception {
        for (int n = first; n <= last; n++) {
            pops.put(node, slot, "v/seg_" + n + ".ts", "segment " + n + " of " + slot);
        }
        pops.put(node, slot, "v/index.m3u8", playlist(first, last));
    }

    /** Makes {@code node}'s copy of the playlist look as if the encoder stopped rewriting it a minute ago. */
    private static void age(TwoPops.Node node, String slot) throws Exception {
        Files.setLastModifiedTime(node.file(slot, "v/index.m3u8"), FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void aSegmentThePlaylistNamesButThisNodeNeverReceivedIsFetchedFromThePeerAndKept() throws Exception {
        pops.slot("gap", 1000, null);
        publish(pops.eu2, "gap", 0, 2);
        pops.put(pops.eu1, "gap", "v/seg_0.ts", "segment 0 of gap");
        pops.put(pops.eu1, "gap", "v/seg_2.ts", "segment 2 of gap");
        pops.put(pops.eu1, "gap", "v/index.m3u8", playlist(0, 2));

        HttpResponse<String> response = pops.get(pops.eu1.play("gap", "v/seg_1.ts"));

        assertThat(response.statusCode()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("segment 1 of gap");
        assertThat(response.headers().firstValue("Content-Type")).contains("video/mp2t");
        assertThat(response.headers().firstValue("Cache-Control")).contains("max-age=300");
        assertThat(pops.eu1.file("gap", "v/seg_1.ts")).as("kept, to expire like an upload")
                .hasContent("segment 1 of gap");
        assertThat(metric(pops.eu1, "livepush_peer_fill_segments_total")).as("counted in eu1's metrics")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSegmentNoPlaylistNamesIsNotFetched() throws Exception {
        pops.slot("stray", 1000, null);
        publish(pops.eu1, "stray", 0, 1);
        publish(pops.eu2, "stray", 0, 1);
        pops.put(pops.eu2, "stray", "v/extra.ts", "not in any playlist");

        HttpResponse<String> response = pops.get(pops.eu1.play("stray", "v/extra.ts"));

        assertThat(response.statusCode()).as(response.toString()).isEqualTo(404);
        assertThat(pops.eu1.file("stray", "v/extra.ts")).doesNotExist();
    }

    @Test
    void aStalePlaylistIsAnsweredWithThePeersCurrentCopyAndItsSegmentsFollow() throws Exception {
        pops.slot("stale", 1000, null);
        publish(pops.eu1, "stale", 0, 2);
        publish(pops.eu2, "stale", 0, 5);
        age(pops.eu1, "stale");

        HttpResponse<String> playlist = pops.get(pops.eu1.play("stale", "v/index.m3u8"));
        HttpResponse<String> segment = pops.get(pops.eu1.play("stale", "v/seg_5.ts"));

        assertThat(playlist.statusCode()).as(playlist.toString()).isEqualTo(200);
        assertThat(playlist.body()).isEqualTo(playlist(0, 5));
        assertThat(playlist.headers().firstValue("Content-Type")).contains("application/vnd.apple.mpegurl");
        assertThat(playlist.headers().firstValue("Cache-Control")).contains("max-age=1");
        assertThat(segment.statusCode()).as("a segment only the peer's playlist names: " + segment).isEqualTo(200);
        assertThat(segment.body()).isEqualTo("segment 5 of stale");
        assertThat(pops.eu1.file("stale", "v/index.m3u8")).as("the encoder's copy stays as it was")
                .hasContent(playlist(0, 2));
    }

    @Test
    void aPlaylistTheEncoderStillRewritesIsServedAsStored() throws Exception {
        pops.slot("fresh", 1000, null);
        publish(pops.eu1, "fresh", 0, 2);
        publish(pops.eu2, "fresh", 0, 4);

        HttpResponse<String> response = pops.get(pops.eu1.play("fresh", "v/index.m3u8"));

        assertThat(response.body()).isEqualTo(playlist(0, 2));
    }

    @Test
    void aStalePlaylistIsKeptWhenThePeersCopyIsNoFurther() throws Exception {
        pops.slot("bothstale", 1000, null);
        publish(pops.eu1, "bothstale", 0, 3);
        publish(pops.eu2, "bothstale", 0, 3);
        age(pops.eu1, "bothstale");

        assertThat(pops.get(pops.eu1.play("bothstale", "v/index.m3u8")).body()).isEqualTo(playlist(0, 3));
    }

    @Test
    void divergedCopiesStopFillingAndTheSlotReportsIt() throws Exception {
        var slot = pops.slot("diverged", 1000, null);
        publish(pops.eu1, "diverged", 0, 2);
        // The peer's encoder restarted: the same names under other media sequence numbers.
        for (int n = 0; n <= 6; n++) {
            pops.put(pops.eu2, "diverged", "v/seg_" + n + ".ts", "other " + n);
        }
        pops.put(pops.eu2, "diverged", "v/index.m3u8", playlist(0, 6).replace("SEQUENCE:0", "SEQUENCE:10"));
        age(pops.eu1, "diverged");

        HttpResponse<String> playlist = pops.get(pops.eu1.play("diverged", "v/index.m3u8"));
        Files.delete(pops.eu1.file("diverged", "v/seg_1.ts"));
        HttpResponse<String> missing = pops.get(pops.eu1.play("diverged", "v/seg_1.ts"));

        assertThat(playlist.body()).as("not the peer's copy").isEqualTo(playlist(0, 2));
        assertThat(missing.statusCode()).as("no fill from a diverged copy: " + missing).isEqualTo(404);
        SlotLiveStatus status = awaitLastError(slot.id());
        assertThat(status.lastError()).contains("Peer fill stopped for v/index.m3u8")
                .contains("segment seg_0.ts has media sequence 0 here and 10 on the peer PoP");
        assertThat(metric(pops.eu1, "livepush_peer_fill_diverged_renditions")).as("in eu1's metrics")
                .isGreaterThanOrEqualTo(1);
    }

    /** The value of a series in {@code node}'s {@code /live/metrics} (loopback may scrape; one series per name). */
    private static double metric(TwoPops.Node node, String series) throws Exception {
        HttpResponse<String> scrape = pops.get(node.tomcat().http("/metrics"));
        assertThat(scrape.statusCode()).as(scrape.toString()).isEqualTo(200);
        return scrape.body().lines().filter(line -> line.startsWith(series + "{") || line.startsWith(series + " "))
                .findFirst().map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(series + " is not in the scrape of " + node.pop()));
    }

    @Test
    void aRequestWithAForgedPeerHeaderIsRefused() throws Exception {
        pops.slot("forged", 1000, null);
        publish(pops.eu1, "forged", 0, 1);
        URI uri = pops.eu1.play("forged", "v/seg_0.ts");
        String forged = new PeerSignature("not-the-cluster-secret").sign(uri.getRawPath(),
                Instant.now().getEpochSecond());

        HttpResponse<String> response = pops.get(uri, PeerSignature.HEADER, forged);

        assertThat(response.statusCode()).as(response.toString()).isEqualTo(403);
    }

    @Test
    void peersBypassMediaVaultButAnswerOnlyFromTheirOwnCopy() throws Exception {
        pops.slot("vault", 1000, new MediaVaultInput(MediaVaultMode.URL_ALL, MV_SECRET, null, 403, false,
                MediaVaultSettings.DEFAULT_PATH_TOKEN, MediaVaultSettings.DEFAULT_PATH_DELIM, false, 0));
        publish(pops.eu2, "vault", 0, 2);
        pops.put(pops.eu1, "vault", "v/seg_0.ts", "segment 0 of vault");
        pops.put(pops.eu1, "vault", "v/index.m3u8", playlist(0, 2));
        URI onEu2 = pops.eu2.play("vault", "v/seg_1.ts");
        URI onEu1 = pops.eu1.play("vault", "v/seg_2.ts");
        long now = Instant.now().getEpochSecond();
        PeerSignature cluster = new PeerSignature(TwoPops.SECRET);

        HttpResponse<String> unsigned = pops.get(onEu2);
        HttpResponse<String> fromPeer = pops.get(onEu2, PeerSignature.HEADER, cluster.sign(onEu2.getRawPath(), now));
        HttpResponse<String> peerMiss = pops.get(onEu1, PeerSignature.HEADER, cluster.sign(onEu1.getRawPath(), now));
        HttpResponse<String> viewer = pops.get(URI.create(new MediaVaultSigner(MV_SECRET).sign(onEu1.toString(),
                Term.end(now + 60))));

        assertThat(unsigned.statusCode()).as("a viewer without a token: " + unsigned).isEqualTo(403);
        assertThat(fromPeer.statusCode()).as("a signed peer fetch: " + fromPeer).isEqualTo(200);
        assertThat(peerMiss.statusCode()).as("a peer's miss is not filled from this node's peer: " + peerMiss)
                .isEqualTo(404);
        assertThat(viewer.statusCode()).as("a viewer with a token is filled through eu2's MediaVault: " + viewer)
                .isEqualTo(200);
        assertThat(viewer.body()).isEqualTo("segment 2 of vault");
    }

    private static SlotLiveStatus awaitLastError(String slotId) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        SlotLiveStatus status = pops.stats.live(OPERATOR, slotId);
        while (status.lastError() == null && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = pops.stats.live(OPERATOR, slotId);
        }
        return status;
    }
}
