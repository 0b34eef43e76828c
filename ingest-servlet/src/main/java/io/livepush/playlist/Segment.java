package io.livepush.playlist;

import java.util.List;

/**
 * One media segment of a media playlist.
 *
 * @param mediaSequence  its media sequence number
 * @param uri            its URI as written
 * @param duration       the {@code EXTINF} duration in seconds
 * @param discontinuity  whether an {@code EXT-X-DISCONTINUITY} precedes it
 * @param byteRange      its {@code EXT-X-BYTERANGE}, or {@code null}
 * @param programDateTime its {@code EXT-X-PROGRAM-DATE-TIME} value as written, or {@code null}
 * @param parts          the {@code EXT-X-PART}s it is made of (empty when the playlist lists none for it)
 * @param lines          the playlist lines that describe it, its tags and its URI line, as written
 */
public record Segment(long mediaSequence, String uri, double duration, boolean discontinuity, ByteRange byteRange,
        String programDateTime, List<Part> parts, List<String> lines) {

    public Segment {
        parts = List.copyOf(parts);
        lines = List.copyOf(lines);
    }
}
