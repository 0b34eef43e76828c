package io.livepush.admin.api.json;

/** A PoP; {@code playbackHttpsBaseUrl} is {@code null} when it has no HTTPS playback base of its own. */
public record PopJson(long id, String name, String region, String ingestBaseUrl, String playbackBaseUrl,
        String playbackHttpsBaseUrl) {
}
