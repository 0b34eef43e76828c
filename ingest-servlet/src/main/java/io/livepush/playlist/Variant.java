package io.livepush.playlist;

/**
 * One {@code EXT-X-STREAM-INF} entry of an HLS master playlist.
 *
 * @param uri              the media playlist's URI as written
 * @param bandwidth        {@code BANDWIDTH}: the peak bitrate in bits per second
 * @param averageBandwidth {@code AVERAGE-BANDWIDTH} in bits per second, or 0 when absent
 */
public record Variant(String uri, long bandwidth, long averageBandwidth) {

    /** The bitrate the encoder means to average: {@code AVERAGE-BANDWIDTH} if given, else {@code BANDWIDTH}. */
    public long declaredBitsPerSecond() {
        return averageBandwidth > 0 ? averageBandwidth : bandwidth;
    }
}
