package io.livepush.playlist;

/**
 * One {@code EXT-X-PART} of a media playlist (draft-pantos-hls-rfc8216bis §4.4.4.9).
 *
 * @param uri         the part's URI as written
 * @param duration    seconds
 * @param independent whether it starts with an independent frame
 * @param byteRange   the byte range of {@code uri}, or {@code null} for the whole resource
 * @param gap         whether the part is marked unavailable
 */
public record Part(String uri, double duration, boolean independent, ByteRange byteRange, boolean gap) {
}
