package io.livepush.service;

/** Builds the URLs shown for a slot (SPEC §3) from its PoP's base URLs. */
final class SlotUrls {

    private SlotUrls() {
    }

    static String ingest(PopRecord pop, String shortname, String slot) {
        return pop.ingestBaseUrl() + "/push/" + shortname + "/" + slot + "/";
    }

    static String playback(PopRecord pop, String shortname, String slot, String scheme) {
        String base = pop.playbackBaseUrl();
        String rest = base.substring(base.indexOf("://"));
        return scheme + rest + "/play/" + shortname + "/" + slot + "/";
    }
}
