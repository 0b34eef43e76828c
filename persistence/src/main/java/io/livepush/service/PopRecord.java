package io.livepush.service;

import io.livepush.domain.Region;

/** A PoP as services return it; base URLs never end with {@code /}. */
public record PopRecord(long id, String name, Region region, String ingestBaseUrl, String playbackBaseUrl) {
}
