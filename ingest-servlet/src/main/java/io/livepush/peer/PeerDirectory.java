package io.livepush.peer;

import io.livepush.service.PopRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the nodes of each PoP are reached: the PoP's (HTTP) playback base URL, as the operator entered it in the
 * portal, for example {@code http://play-eu2.example.com/live}. Refreshed by the bootstrap's database thread; request
 * threads read an immutable snapshot.
 */
final class PeerDirectory {

    private volatile Map<String, String> baseUrls = Map.of();

    /** Replaces the snapshot with the PoPs' current playback base URLs. */
    void refresh(List<PopRecord> pops) {
        Map<String, String> next = new HashMap<>();
        for (PopRecord pop : pops) {
            String base = pop.playbackBaseUrl();
            next.put(pop.name(), base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        }
        baseUrls = Map.copyOf(next);
    }

    /** The playback base URL of the PoP named {@code pop}, without a trailing slash; {@code null} when unknown. */
    String baseUrl(String pop) {
        return baseUrls.get(pop);
    }
}
