package io.livepush.metrics;

import io.livepush.peer.PeerFill;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The peer-fill series of {@code live.war} (issue 14 §3): what this node filled from its peer PoP, the fetches that
 * failed, and the renditions whose two copies diverged (filling them stopped). Read from {@link PeerFill}'s own
 * counts at scrape time; registered only when peer fill is on, so a node without a peer shows none of them.
 */
final class PeerFillMeters {

    private PeerFillMeters() {
    }

    static void bind(MeterRegistry registry, PeerFill peerFill) {
        FunctionCounter.builder("livepush.peer.fill.segments", peerFill, PeerFill::filledSegments)
                .description("Segments fetched from the peer PoP and stored because this node never received them")
                .register(registry);
        FunctionCounter.builder("livepush.peer.fill.playlists", peerFill, PeerFill::filledPlaylists)
                .description("Media playlist requests answered with the peer PoP's copy because ours was stale")
                .register(registry);
        FunctionCounter.builder("livepush.peer.fill.failures", peerFill, PeerFill::failedFetches)
                .description("Fetches from the peer PoP that failed (unreachable, refused, timed out)")
                .register(registry);
        Gauge.builder("livepush.peer.fill.diverged.renditions", peerFill, fill -> fill.divergences().size())
                .description("Renditions whose copy on the peer PoP diverged from ours, so filling them stopped")
                .register(registry);
    }
}
