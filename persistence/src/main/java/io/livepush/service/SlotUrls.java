package io.livepush.service;

import java.net.URI;
import java.util.Optional;

/**
 * Builds the URLs shown for a slot (SPEC §3) from its PoP's base URLs. A playback URL for the other scheme is derived
 * from the playback base only when that base names no port: then both schemes use their default ports (80 and 443)
 * on the same host. A base with an explicit port says nothing about where the other scheme answers, so no URL is
 * shown rather than a wrong one (an {@code https://} URL on a plain-HTTP port is a failed TLS handshake).
 */
final class SlotUrls {

    private SlotUrls() {
    }

    static String ingest(PopRecord pop, String shortname, String slot) {
        return pop.ingestBaseUrl() + "/push/" + shortname + "/" + slot + "/";
    }

    /** The playback URL over {@code scheme} ({@code http} or {@code https}), when the PoP offers one. */
    static Optional<String> playback(PopRecord pop, String shortname, String slot, String scheme) {
        return playbackBase(pop, scheme).map(base -> base + "/play/" + shortname + "/" + slot + "/");
    }

    private static Optional<String> playbackBase(PopRecord pop, String scheme) {
        if (scheme.equals("https") && pop.httpsPlaybackBase().isPresent()) {
            return pop.httpsPlaybackBase();
        }
        String base = pop.playbackBaseUrl();
        URI uri = URI.create(base);
        if (uri.getScheme().equalsIgnoreCase(scheme)) {
            return Optional.of(base);
        }
        if (uri.getPort() != -1) {
            return Optional.empty();
        }
        return Optional.of(scheme + base.substring(base.indexOf("://")));
    }
}
