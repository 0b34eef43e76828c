package io.livepush.service;

import io.livepush.domain.Region;
import java.util.Optional;

/**
 * A PoP as services return it; base URLs never end with {@code /}.
 *
 * @param playbackBaseUrl      the playback base viewers use over HTTP (or HTTPS, when that is all the PoP offers)
 * @param playbackHttpsBaseUrl the playback base over HTTPS when the PoP has its own; {@code null} otherwise
 */
public record PopRecord(long id, String name, Region region, String ingestBaseUrl, String playbackBaseUrl,
        String playbackHttpsBaseUrl) {

    /** A PoP without an HTTPS playback base of its own. */
    public PopRecord(long id, String name, Region region, String ingestBaseUrl, String playbackBaseUrl) {
        this(id, name, region, ingestBaseUrl, playbackBaseUrl, null);
    }

    /** The HTTPS playback base the operator configured, if any. */
    public Optional<String> httpsPlaybackBase() {
        return Optional.ofNullable(playbackHttpsBaseUrl);
    }
}
