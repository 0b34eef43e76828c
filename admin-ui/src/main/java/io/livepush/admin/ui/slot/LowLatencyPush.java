package io.livepush.admin.ui.slot;

import io.livepush.service.SlotRecord;

/**
 * What the Details page gives an encoder operator for a low-latency slot: one ffmpeg push of chunked CMAF
 * ({@code -f dash -streaming 1 -ldash 1} with {@code -hls_playlist 1}) gives both an LL-DASH manifest and HLS
 * playlists to which the origin adds parts and blocking reloads. The encoding and muxing options are those of
 * ingest-servlet's {@code OriginPartsIT} and {@code HlsJsLowLatencyIT} (one-second segments of 0.25 s fragments),
 * plus AAC audio and {@code -use_timeline 0}: ffmpeg 5.1 writes {@code availabilityTimeOffset}, which low-latency
 * DASH players need, only into a manifest without a segment timeline. QuickStartPortalIT runs the line exactly as
 * shown and fetches the URLs. Keep docs/low-latency.md in step.
 */
record LowLatencyPush(String ingestUrl, String playbackUrl) {

    /** What the encoder's command line reads: replace it with the real source. */
    static final String INPUT = "INPUT";
    /** Where the Base64 of {@code user:password} of a publish credential goes. */
    static final String CREDENTIALS = "CREDENTIALS";
    /** The manifest ffmpeg's DASH muxer uploads, below the ingest URL. */
    static final String DASH_MANIFEST = "manifest.mpd";
    /** The master playlist ffmpeg's DASH muxer writes with {@code -hls_playlist 1}. */
    static final String HLS_MASTER = "master.m3u8";
    /** The media playlist of its first representation (the video), which gets the origin-made parts. */
    static final String HLS_MEDIA = "media_0.m3u8";

    /** For {@code slot}, with the HTTPS playback URL where the PoP offers one (Apple asks for HTTP/2, over TLS). */
    static LowLatencyPush of(SlotRecord slot) {
        return new LowLatencyPush(slot.primaryIngestUrl(), slot.playbackUrl(true));
    }

    String hlsMasterUrl() {
        return playbackUrl + HLS_MASTER;
    }

    String hlsMediaUrl() {
        return playbackUrl + HLS_MEDIA;
    }

    String dashUrl() {
        return playbackUrl + DASH_MANIFEST;
    }

    /**
     * The ffmpeg command line, for a POSIX shell ({@code $'…'} writes the CR LF that ends the header): a key frame
     * every 25 frames (one second at 25 fps), one-second segments, each uploaded in one chunked {@code PUT} in
     * 0.25 s fragments. ffmpeg 5.1's DASH muxer ignores {@code -headers}: the credentials go through
     * {@code -http_opts}.
     */
    String ffmpeg() {
        return "ffmpeg -re -i " + INPUT
                + " -c:v libx264 -preset ultrafast -tune zerolatency -pix_fmt yuv420p -g 25 -keyint_min 25"
                + " -sc_threshold 0 -c:a aac -b:a 64k"
                + " -f dash -seg_duration 1 -streaming 1 -ldash 1 -frag_type duration -frag_duration 0.25"
                + " -hls_playlist 1 -use_template 1 -use_timeline 0 -window_size 10"
                + " -method PUT -http_persistent 1 -http_opts $'headers=\\'Authorization: Basic " + CREDENTIALS
                + "\\r\\n\\'' '" + ingestUrl + DASH_MANIFEST + "'";
    }
}
