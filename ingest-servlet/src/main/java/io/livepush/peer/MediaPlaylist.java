package io.livepush.peer;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What peer fill needs to know of an HLS media playlist (RFC 8216 §4.3.3): its target duration, the media sequence
 * number of each segment URI, and whether the stream ended. Master playlists ({@code #EXT-X-STREAM-INF}) and anything
 * that is not a playlist parse to {@code null}: peer fill never acts on them.
 *
 * @param targetDurationSeconds {@code #EXT-X-TARGETDURATION}
 * @param segments              segment URI → media sequence number, in playlist order
 * @param ended                 whether {@code #EXT-X-ENDLIST} is present
 */
public record MediaPlaylist(int targetDurationSeconds, Map<String, Long> segments, boolean ended) {

    public MediaPlaylist {
        segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    }

    /** Parses a playlist's bytes; {@code null} for a master playlist, one without a target duration, or a non-playlist. */
    public static MediaPlaylist parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.startsWith("#EXTM3U")) {
            return null;
        }
        int target = -1;
        long sequence = 0;
        boolean ended = false;
        Map<String, Long> segments = new LinkedHashMap<>();
        boolean segmentTagged = false;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("#EXT-X-STREAM-INF")) {
                return null;
            } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = parseInt(line.substring("#EXT-X-TARGETDURATION:".length()));
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = parseLong(line.substring("#EXT-X-MEDIA-SEQUENCE:".length()));
            } else if (line.startsWith("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (line.startsWith("#EXTINF:")) {
                segmentTagged = true;
            } else if (!line.isEmpty() && !line.startsWith("#") && segmentTagged) {
                segments.put(line, sequence + segments.size());
                segmentTagged = false;
            }
        }
        return target <= 0 || sequence < 0 ? null : new MediaPlaylist(target, segments, ended);
    }

    /** The media sequence number of the last segment; one below the first number when the playlist is empty. */
    public long lastSequence(long emptyValue) {
        long last = emptyValue;
        for (long number : segments.values()) {
            last = number;
        }
        return last;
    }

    /** The media sequence number of {@code uri}, or {@code null} when the playlist does not name it. */
    public Long sequenceOf(String uri) {
        return segments.get(uri);
    }

    private static int parseInt(String value) {
        try {
            return (int) Math.ceil(Double.parseDouble(value.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
