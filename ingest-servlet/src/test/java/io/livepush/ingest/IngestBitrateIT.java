package io.livepush.ingest;

import static io.livepush.ingest.LiveFixture.OPERATOR;
import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.origin.OriginConfig;
import io.livepush.service.NewCredential;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest.enforceBitrate} (SPEC §4) with the real {@code live.war}: a slot that pushes more than its total
 * ingest bitrate × the tolerance (2) for more than 10 s is refused with 429 and the reason while enforcement is on;
 * with it off (the default) the same push keeps being stored and the slot is only flagged. The windows are the
 * product's own (10 s of measuring, 10 s of grace), so each test pushes for about 12 s.
 */
class IngestBitrateIT {

    /** The smallest total bitrate a slot may have: 2 × 100 kbps is 25 kB/s. */
    private static final int SLOT_KBPS = 100;
    /** 64 KiB about every 100 ms, some 5 Mbit/s: 25 times what the slot may push. */
    private static final byte[] SEGMENT = new byte[64 * 1024];
    private static final long PAUSE_MILLIS = 100;
    /** The product's window and grace (20 s) plus a margin for a loaded machine. */
    private static final Duration PUSH_LIMIT = Duration.ofSeconds(45);

    @TempDir
    Path baseDir;

    @Test
    void overBitratePushIsRefusedWith429AndTheReasonWhileEnforced() throws Exception {
        try (LiveFixture fx = new LiveFixture(baseDir, Map.of(OriginConfig.ENFORCE_BITRATE, "true"))) {
            SlotRecord slot = fx.slot(draft(fx, "enforced"));
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> refused = null;
            long deadline = System.nanoTime() + PUSH_LIMIT.toNanos();
            while (refused == null && System.nanoTime() < deadline) {
                HttpResponse<String> response = put(fx, slot, statuses.size());
                statuses.add(response.statusCode());
                if (response.statusCode() / 100 != 2) {
                    refused = response;
                }
                Thread.sleep(PAUSE_MILLIS);
            }

            assertThat(statuses).as("answers while pushing").first().isEqualTo(201);
            assertThat(refused).as("a refusal within " + PUSH_LIMIT + " after " + statuses).isNotNull();
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(refused.body()).contains("the slot pushes more than 2.0 x its total bitrate of "
                    + SLOT_KBPS + " kbps");
            assertThat(IngestServletIT.await(() -> fx.stats.live(OPERATOR, slot.id()),
                    live -> live.lastError() != null).lastError()).startsWith("429: the slot pushes more than");
        }
    }

    @Test
    void overBitratePushIsStoredAndOnlyFlaggedWhileNotEnforced() throws Exception {
        try (LiveFixture fx = new LiveFixture(baseDir, Map.of())) {
            SlotRecord slot = fx.slot(draft(fx, "flagged"));
            List<Integer> statuses = new ArrayList<>();
            boolean flagged = false;
            long deadline = System.nanoTime() + PUSH_LIMIT.toNanos();
            while (!flagged && System.nanoTime() < deadline) {
                for (int i = 0; i < 10; i++) {
                    statuses.add(put(fx, slot, statuses.size()).statusCode());
                    Thread.sleep(PAUSE_MILLIS);
                }
                flagged = fx.stats.live(OPERATOR, slot.id()).overBitrate();
            }

            assertThat(flagged).as("flagged as over its bitrate within " + PUSH_LIMIT).isTrue();
            assertThat(statuses).as("answers while pushing").isNotEmpty().containsOnly(201, 204);
        }
    }

    /** A PUT of {@link #SEGMENT} to one of five segment names in turn. */
    private static HttpResponse<String> put(LiveFixture fx, SlotRecord slot, int count) throws Exception {
        return fx.client.send(HttpRequest.newBuilder(fx.tomcat.https("/push/acme/" + slot.name() + "/seg_"
                        + count % 5 + ".ts"))
                .header("Authorization", basic(USER, PASSWORD))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(SEGMENT)).build(), BodyHandlers.ofString());
    }

    private static SlotDraft draft(LiveFixture fx, String name) {
        return new SlotDraft(name, null, SlotType.LIVE_PUSH, Region.EUROPE, fx.pop.id(), null, false, SLOT_KBPS, 2000,
                300, false,
                List.of(new NewCredential(USER, PASSWORD)), List.of(), List.of(), null, null);
    }
}
