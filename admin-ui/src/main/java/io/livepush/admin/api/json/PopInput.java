package io.livepush.admin.api.json;

/** A PoP as sent by an operator. */
public record PopInput(String name, String region, String ingestBaseUrl, String playbackBaseUrl) {
}
