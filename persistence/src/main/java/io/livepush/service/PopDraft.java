package io.livepush.service;

import io.livepush.domain.Region;

/**
 * What an operator types to create or change a PoP.
 *
 * @param ingestBaseUrl   HTTPS URL of the {@code live} web application as encoders reach it, e.g.
 *                        {@code https://ingest-eu1.example.com/live}
 * @param playbackBaseUrl HTTP or HTTPS URL of the {@code live} web application as viewers and CDNs reach it
 */
public record PopDraft(String name, Region region, String ingestBaseUrl, String playbackBaseUrl) {
}
