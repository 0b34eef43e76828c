package io.livepush.origin;

import static io.livepush.testing.TwoPopOrigins.OPERATOR;
import static io.livepush.testing.TwoPopProbes.awaitIngestStatus;
import static io.livepush.testing.TwoPopProbes.awaitPlaylist;
import static io.livepush.testing.TwoPopProbes.bothServeTheSameSegments;
import static io.livepush.testing.TwoPopProbes.pushGoesOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.ProvisioningStatus;
import io.livepush.service.NewCredential;
import io.livepush.service.SlotRecord;
import io.livepush.testing.ExternalTools;
import io.livepush.testing.StepTimings;
import io.livepush.testing.TwoPopOrigins;
import io.livepush.testing.TwoPopProbes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two PoPs on a three-node Galera cluster, end to end (issue 14): a slot with primary PoP {@code eu1} and backup PoP
 * {@code eu2} is {@code LiveEventProvisioning} when created and {@code Published} once both nodes loaded it; one
 * ffmpeg with the tee muxer pushes the same HLS to both ingest URLs and both serve it; a credential change reaches
 * both within 5 s; killing the Galera node {@code eu1} talks to (SIGKILL) neither stops the push nor the portal's
 * writes, and {@code eu1} still sees changes; a delete reaches both. Every step's
 * time is logged (and written to {@code target/two-pop-timings.txt}) for docs/scale-out.md. The portal's side is
 * driven through its services here; admin-ui's {@code ScaleOutApiIT} does the same through admin.war's REST API.
 */
class TwoPopFailoverIT {

    private static final Duration CHANGE_LIMIT = Duration.ofSeconds(5);
    private static final int PUSH_SECONDS = 30;

    @TempDir
    Path baseDir;

    private final StepTimings timings = new StepTimings();

    @Test
    void twoPopsShareASlotAndSurviveLosingAGaleraNode() throws Exception {
        ExternalTools.assumeInstalled("apt-get install -y ffmpeg", "ffmpeg");
        try (TwoPopOrigins fx = new TwoPopOrigins(baseDir, Map.of())) {
            long created = System.nanoTime();
            SlotRecord slot = fx.createSlot("cam1");
            assertThat(slot.status()).as("status before any node loaded the slot")
                    .isEqualTo(ProvisioningStatus.LIVE_EVENT_PROVISIONING);
            awaitPublished(fx, slot);
            timings.record("slot created in the portal -> Published", created);
            TwoPopOrigins.awaitServed(fx.eu1, slot.name());
            TwoPopOrigins.awaitServed(fx.eu2, slot.name());
            timings.record("slot created in the portal -> served by both nodes", created);

            Process ffmpeg = ExternalTools.start(TwoPopProbes.teeCommand(fx, slot.name(), PUSH_SECONDS),
                    output("two-pop-ffmpeg.log"));
            try {
                awaitPlaylist(fx.eu1, slot.name());
                awaitPlaylist(fx.eu2, slot.name());
                bothServeTheSameSegments(fx, slot.name());

                credentialChangeReachesBoth(fx, slot, "encoder2", "publish-secret-2", "credential change");

                long killed = System.nanoTime();
                fx.cluster.node(1).kill();
                pushGoesOn(fx.eu1, slot.name());
                pushGoesOn(fx.eu2, slot.name());
                timings.record("Galera node 1 killed -> both nodes took new segments", killed);
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
            timings.record("slot deleted -> refused by both nodes", deleted);
        } finally {
            timings.writeTo(output("two-pop-timings.txt"));
        }
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
        long millis = timings.record(what + " -> accepted by both nodes", changed);
        assertThat(millis).as(what + " reached both nodes (ms)").isLessThan(CHANGE_LIMIT.toMillis());
    }

    /** A file next to the built WAR in {@code target/}. */
    private static Path output(String name) {
        return Path.of(System.getProperty("livepush.war", "target/live")).resolveSibling(name);
    }
}
