package io.livepush.origin;

import static io.livepush.testing.TwoPopOrigins.OPERATOR;
import static io.livepush.testing.TwoPopOrigins.PASSWORD;
import static io.livepush.testing.TwoPopOrigins.USER;
import static io.livepush.testing.TwoPopOrigins.basic;
import static io.livepush.testing.TwoPopOrigins.ingestUrl;
import static io.livepush.testing.TwoPopOrigins.playbackUrl;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.ProvisioningStatus;
import io.livepush.service.NewCredential;
import io.livepush.service.SlotRecord;
import io.livepush.testing.ExternalTools;
import io.livepush.testing.LiveTomcat;
import io.livepush.testing.TwoPopOrigins;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two PoPs on a three-node Galera cluster, end to end (issue 14): a slot with primary PoP {@code eu1} and backup PoP
 * {@code eu2} is {@code LiveEventProvisioning} when created and {@code Published} once both nodes loaded it; one ffmpeg with the tee muxer pushes the same HLS to both ingest URLs and both serve
 * it; a credential change reaches both within 5 s; killing the Galera node {@code eu1} talks to (SIGKILL) neither
 * stops the push nor the portal's writes, and {@code eu1} still sees changes; a delete reaches both. Every step's
 * time is logged (and written to {@code target/two-pop-timings.txt}) for docs/scale-out.md.
 */
class TwoPopFailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(TwoPopFailoverIT.class);
    private static final Duration CHANGE_LIMIT = Duration.ofSeconds(5);
    private static final int PUSH_SECONDS = 30;

    @TempDir
    Path baseDir;

    private final List<String> timings = new ArrayList<>();

    @Test
    void twoPopsShareASlotAndSurviveLosingAGaleraNode() throws Exception {
        ExternalTools.assumeInstalled("apt-get install -y ffmpeg", "ffmpeg");
        try (TwoPopOrigins fx = new TwoPopOrigins(baseDir, Map.of())) {
            long created = System.nanoTime();
            SlotRecord slot = fx.createSlot("cam1");
            assertThat(slot.status()).as("status before any node loaded the slot")
                    .isEqualTo(ProvisioningStatus.LIVE_EVENT_PROVISIONING);
            awaitPublished(fx, slot);
            record("slot created in the portal -> Published", created);
            TwoPopOrigins.awaitServed(fx.eu1, slot.name());
            TwoPopOrigins.awaitServed(fx.eu2, slot.name());
            record("slot created in the portal -> served by both nodes", created);

            Process ffmpeg = ExternalTools.start(teeCommand(fx, slot.name()), output("two-pop-ffmpeg.log"));
            try {
                awaitPlaylist(fx.eu1, slot.name());
                awaitPlaylist(fx.eu2, slot.name());
                bothServeTheSameSegments(fx, slot.name());

                credentialChangeReachesBoth(fx, slot, "encoder2", "publish-secret-2", "credential change");

                long killed = System.nanoTime();
                fx.cluster.node(1).kill();
                pushGoesOn(fx.eu1, slot.name());
                pushGoesOn(fx.eu2, slot.name());
                record("Galera node 1 killed -> both nodes took new segments", killed);
                credentialChangeReachesBoth(fx, slot, "encoder3", "publish-secret-3",
                        "credential change after Galera node 1 died");
                assertThat(ExternalTools.awaitExit(ffmpeg, Duration.ofSeconds(PUSH_SECONDS + 30), "ffmpeg"))
                        .as("ffmpeg's exit code; see " + output("two-pop-ffmpeg.log")).isZero();
            } finally {
                ExternalTools.stop(ffmpeg);
            }

            long deleted = System.nanoTime();
            fx.slots.delete(OPERATOR, slot.id());
            awaitIngestStatus(fx.eu1, slot.name(), "encoder3", "publish-secret-3", status -> status == 401);
            awaitIngestStatus(fx.eu2, slot.name(), "encoder3", "publish-secret-3", status -> status == 401);
            record("slot deleted -> refused by both nodes", deleted);
        } finally {
            Files.write(output("two-pop-timings.txt"), timings);
        }
    }

    /**
     * One encoder, two destinations: the tee muxer writes the same HLS (2 s segments, five in the playlist, older ones
     * deleted) to both ingest URLs, as the original product's guide asks of an encoder with a backup ingest.
     */
    private static List<String> teeCommand(TwoPopOrigins fx, String slotName) {
        // onfail=ignore: one unreachable PoP must not stop the push to the other.
        String options = "f=hls:onfail=ignore:hls_time=2:hls_list_size=5:hls_flags=delete_segments:method=PUT"
                + ":http_persistent=1"
                + ":headers=" + teeEscape("Authorization: " + basic(USER, PASSWORD) + "\r\n");
        String outputs = "[" + options + "]" + ingestUrl(fx.eu1, slotName, "index.m3u8")
                + "|[" + options + "]" + ingestUrl(fx.eu2, slotName, "index.m3u8");
        return List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-t", String.valueOf(PUSH_SECONDS),
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

    private static void awaitPlaylist(LiveTomcat node, String slotName) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (playlist(node, slotName).contains("#EXTINF")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No playlist with a segment on " + node.http("") + " within 20 s");
    }

    private static String playlist(LiveTomcat node, String slotName) throws Exception {
        var response = node.client().send(HttpRequest.newBuilder(playbackUrl(node, slotName, "index.m3u8")).build(),
                BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "";
    }

    /** Both nodes serve the segments their playlist names, and the two playlists name the same segments. */
    private static void bothServeTheSameSegments(TwoPopOrigins fx, String slotName) throws Exception {
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

    /** The node's playlist moves on: a segment that was not listed yet appears. */
    private static void pushGoesOn(LiveTomcat node, String slotName) throws Exception {
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

    /** Published means that every live node of both PoPs has loaded the slot's version (SPEC §3). */
    private static void awaitPublished(TwoPopOrigins fx, SlotRecord slot) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ProvisioningStatus status = slot.status();
        while (status != ProvisioningStatus.PUBLISHED && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = fx.slots.get(OPERATOR, slot.id()).status();
        }
        assertThat(status).as("status of the slot 20 s after it was created").isEqualTo(ProvisioningStatus.PUBLISHED);
    }

    /** Adds a credential through the portal's services and times until both nodes accept it. */
    private void credentialChangeReachesBoth(TwoPopOrigins fx, SlotRecord slot, String user, String password,
            String what) throws Exception {
        long changed = System.nanoTime();
        fx.slots.addCredential(OPERATOR, slot.id(), new NewCredential(user, password));
        awaitIngestStatus(fx.eu1, slot.name(), user, password, status -> status == 404);
        awaitIngestStatus(fx.eu2, slot.name(), user, password, status -> status == 404);
        long millis = record(what + " -> accepted by both nodes", changed);
        assertThat(millis).as(what + " reached both nodes (ms)").isLessThan(CHANGE_LIMIT.toMillis());
    }

    /** Polls an authenticated GET of a missing file on the node's ingest URL until its status matches. */
    private static void awaitIngestStatus(LiveTomcat node, String slotName, String user, String password,
            IntPredicate expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = node.client().send(HttpRequest.newBuilder(ingestUrl(node, slotName, "probe.ts"))
                    .header("Authorization", basic(user, password)).GET().build(), BodyHandlers.discarding())
                    .statusCode();
            if (expected.test(status)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Node " + node.https("") + " still answers " + status + " for " + user);
    }

    /** A file next to the built WAR in {@code target/}. */
    private static Path output(String name) {
        return Path.of(System.getProperty("livepush.war", "target/live")).resolveSibling(name);
    }

    private long record(String what, long sinceNanos) throws IOException {
        long millis = Duration.ofNanos(System.nanoTime() - sinceNanos).toMillis();
        String line = what + ": " + millis + " ms";
        LOG.info(line);
        timings.add(line);
        return millis;
    }
}
