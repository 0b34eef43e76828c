package io.livepush.service;

import io.livepush.domain.Region;

/**
 * What an operator types to create or change a PoP.
 *
 * @param ingestBaseUrl        HTTPS URL of the {@code live} web application as encoders reach it, e.g.
 *                             {@code https://ingest-eu1.example.com/live}
 * @param playbackBaseUrl      HTTP (or HTTPS) URL of the {@code live} web application as viewers and CDNs reach it
 * @param playbackHttpsBaseUrl optional HTTPS URL of the {@code live} web application for viewers, e.g.
 *                             {@code https://play-eu1.example.com:8443/live}; {@code null} or blank for none
 */
public record PopDraft(String name, Region region, String ingestBaseUrl, String playbackBaseUrl,
        String playbackHttpsBaseUrl) {

    /** A draft without an HTTPS playback base of its own. */
    public PopDraft(String name, Region region, String ingestBaseUrl, String playbackBaseUrl) {
        this(name, region, ingestBaseUrl, playbackBaseUrl, null);
    }
}
