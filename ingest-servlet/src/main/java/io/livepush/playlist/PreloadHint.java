package io.livepush.playlist;

/**
 * One {@code EXT-X-PRELOAD-HINT} (draft-pantos-hls-rfc8216bis §4.4.5.3).
 *
 * @param type   {@code PART} or {@code MAP}
 * @param uri    the hinted resource
 * @param start  {@code BYTERANGE-START}, 0 when absent
 * @param length {@code BYTERANGE-LENGTH}, or {@code -1} when absent (up to the end of the resource)
 */
public record PreloadHint(String type, String uri, long start, long length) {
}
