package io.livepush.admin.api.json;

/** A PoP. */
public record PopJson(long id, String name, String region, String ingestBaseUrl, String playbackBaseUrl) {
}
