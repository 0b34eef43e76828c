package io.livepush.admin.api.json;

/** A PoP as sent by an operator; {@code playbackHttpsBaseUrl} is optional (absent, {@code null} or blank: none). */
public record PopInput(String name, String region, String ingestBaseUrl, String playbackBaseUrl,
        String playbackHttpsBaseUrl) {
}
