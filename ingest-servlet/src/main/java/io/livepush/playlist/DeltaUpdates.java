package io.livepush.playlist;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the delta update of a media playlist that a client asks for with {@code _HLS_skip}
 * (draft-pantos-hls-rfc8216bis §6.2.5.1, §4.4.5.2): the oldest segments are replaced by one {@code EXT-X-SKIP}, as
 * many as leave at least {@code CAN-SKIP-UNTIL} seconds of segments listed. {@code EXT-X-DATERANGE} tags of skipped
 * segments are kept (after the skip tag; neither form of the request then needs {@code RECENTLY-REMOVED-DATERANGES}),
 * and so are the last {@code EXT-X-MAP} and {@code EXT-X-KEY} before the first listed segment, which still apply to it.
 * The version becomes at least 9, as {@code EXT-X-SKIP} requires. Pure logic.
 */
public final class DeltaUpdates {

    /** The version a playlist with {@code EXT-X-SKIP} declares at least. */
    static final int SKIP_VERSION = 9;

    private DeltaUpdates() {
    }

    /**
     * The delta update of {@code playlist}; the playlist itself when it offers no delta updates ({@code CAN-SKIP-UNTIL}
     * absent), is already one, or has no segment old enough to skip.
     */
    public static MediaPlaylist of(MediaPlaylist playlist) {
        double canSkipUntil = playlist.serverControl().canSkipUntil();
        if (canSkipUntil <= 0 || playlist.skippedSegments() > 0) {
            return playlist;
        }
        List<Segment> segments = playlist.segments();
        double listed = playlist.duration();
        int skip = 0;
        while (skip < segments.size() - 1 && listed - segments.get(skip).duration() >= canSkipUntil) {
            listed -= segments.get(skip).duration();
            skip++;
        }
        if (skip == 0) {
            return playlist;
        }
        List<Segment> kept = new ArrayList<>(segments.subList(skip, segments.size()));
        Segment first = kept.get(0);
        kept.set(0, new Segment(first.mediaSequence(), first.uri(), first.duration(), first.discontinuity(),
                first.byteRange(), first.programDateTime(), first.parts(),
                carriedLines(segments.subList(0, skip), first.lines())));
        return new MediaPlaylist(Math.max(playlist.version(), SKIP_VERSION), playlist.targetDuration(),
                playlist.mediaSequence(), playlist.discontinuitySequence(), skip, kept, playlist.pendingParts(),
                playlist.partTarget(), playlist.serverControl(), playlist.preloadHints(), playlist.endList(),
                PlaylistTexts.withVersionAtLeast(playlist.headerLines(), SKIP_VERSION), playlist.pendingLines(),
                playlist.trailerLines());
    }

    /** The date ranges, map and key of the skipped segments that the first listed segment still needs. */
    private static List<String> carriedLines(List<Segment> skipped, List<String> firstLines) {
        List<String> dateRanges = new ArrayList<>();
        String map = null;
        String key = null;
        for (Segment segment : skipped) {
            for (String line : segment.lines()) {
                if (line.startsWith("#EXT-X-DATERANGE:")) {
                    dateRanges.add(line);
                } else if (line.startsWith("#EXT-X-MAP:")) {
                    map = line;
                } else if (line.startsWith("#EXT-X-KEY:")) {
                    key = line;
                }
            }
        }
        List<String> lines = new ArrayList<>(dateRanges);
        if (map != null && firstLines.stream().noneMatch(line -> line.startsWith("#EXT-X-MAP:"))) {
            lines.add(map);
        }
        if (key != null && firstLines.stream().noneMatch(line -> line.startsWith("#EXT-X-KEY:"))) {
            lines.add(key);
        }
        lines.addAll(firstLines);
        return lines;
    }
}
