package io.livepush.peer;

import io.livepush.origin.LiveSlot;
import io.livepush.service.PopRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    /** Whether the PoP named {@code pop} has a playback base URL here. */
    boolean knows(String pop) {
        return baseUrls.containsKey(pop);
    }

    /**
     * {@code {playback base of pop}/play/{shortname}/{slot}/{relative}}, every name percent-encoded (RFC 3986
     * unreserved characters stay as they are).
     *
     * {@code null} when the PoP is no longer known (a reload dropped it).
     */
    URI uri(String pop, LiveSlot slot, String relative) {
        String base = baseUrls.get(pop);
        if (base == null) {
            return null;
        }
        StringBuilder url = new StringBuilder(base).append("/play/").append(encode(slot.shortname())).append('/')
                .append(encode(slot.name()));
        for (String name : relative.split("/")) {
            url.append('/').append(encode(name));
        }
        return URI.create(url.toString());
    }

    private static String encode(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return encoded.toString();
    }
}
