package io.livepush.playlist;

import java.util.List;

/**
 * A parsed HLS media playlist ({@link MediaPlaylists#parse(String)}): what it says about its sequence, segments,
 * parts and server control, and the lines it was written with, so that an answer can be built from it without
 * parsing it again.
 *
 * @param version               {@code EXT-X-VERSION}, 1 when absent
 * @param targetDuration        {@code EXT-X-TARGETDURATION} in seconds
 * @param mediaSequence         {@code EXT-X-MEDIA-SEQUENCE}, 0 when absent
 * @param discontinuitySequence {@code EXT-X-DISCONTINUITY-SEQUENCE}, 0 when absent
 * @param skippedSegments       {@code SKIPPED-SEGMENTS} of an {@code EXT-X-SKIP} (a delta update), else 0
 * @param segments              the segments listed, oldest first
 * @param pendingParts          the parts listed after the last segment: the beginning of the next segment
 * @param partTarget            {@code PART-TARGET} of {@code EXT-X-PART-INF} in seconds, 0 when absent
 * @param serverControl         {@code EXT-X-SERVER-CONTROL}, or {@link ServerControl#NONE}
 * @param preloadHints          the {@code EXT-X-PRELOAD-HINT}s
 * @param endList               whether {@code EXT-X-ENDLIST} is present
 * @param headerLines           the playlist tags (everything before the segments but {@code EXT-X-SKIP}), as written
 * @param pendingLines          the lines after the last segment's URI that describe the next one (parts, tags)
 * @param trailerLines          preload hints, rendition reports and {@code EXT-X-ENDLIST}, as written
 */
public record MediaPlaylist(int version, int targetDuration, long mediaSequence, long discontinuitySequence,
        long skippedSegments, List<Segment> segments, List<Part> pendingParts, double partTarget,
        ServerControl serverControl, List<PreloadHint> preloadHints, boolean endList, List<String> headerLines,
        List<String> pendingLines, List<String> trailerLines) {

    public MediaPlaylist {
        segments = List.copyOf(segments);
        pendingParts = List.copyOf(pendingParts);
        preloadHints = List.copyOf(preloadHints);
        headerLines = List.copyOf(headerLines);
        pendingLines = List.copyOf(pendingLines);
        trailerLines = List.copyOf(trailerLines);
    }

    /** The media sequence number the next segment will have. */
    public long nextMediaSequence() {
        return mediaSequence + skippedSegments + segments.size();
    }

    /** The media sequence number of the last segment listed; {@code mediaSequence - 1} when none is. */
    public long lastMediaSequence() {
        return nextMediaSequence() - 1;
    }

    /** Whether the playlist lists parts ({@code EXT-X-PART-INF} or any {@code EXT-X-PART}). */
    public boolean hasParts() {
        return partTarget > 0 || !pendingParts.isEmpty() || segments.stream().anyMatch(s -> !s.parts().isEmpty());
    }

    /** The segment with media sequence number {@code msn}, or {@code null} when it is not listed. */
    public Segment segment(long msn) {
        long index = msn - mediaSequence - skippedSegments;
        return index < 0 || index >= segments.size() ? null : segments.get((int) index);
    }

    /** The total duration of the segments listed, in seconds. */
    public double duration() {
        return segments.stream().mapToDouble(Segment::duration).sum();
    }
}
