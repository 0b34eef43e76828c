package io.livepush.health;

import io.livepush.playlist.MediaPlaylist;
import io.livepush.playlist.Segment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns a parsed HLS media playlist into the {@link RenditionWindow} the tracker follows. */
final class HlsWindows {

    private HlsWindows() {
    }

    /**
     * The window of {@code playlist}, stored at {@code file} in {@code slotDirectory}; only the newest
     * {@code maxSegments} segments are kept (an EVENT playlist may list thousands).
     */
    static RenditionWindow of(MediaPlaylist playlist, Path slotDirectory, Path file, int maxSegments) {
        List<Segment> listed = playlist.segments();
        List<WindowSegment> segments = new ArrayList<>();
        double longest = 0;
        for (Segment segment : listed.subList(Math.max(0, listed.size() - maxSegments), listed.size())) {
            segments.add(new WindowSegment(segment.mediaSequence(),
                    ManifestLinks.resolve(slotDirectory, file, segment.uri()), segment.duration(),
                    segment.discontinuity()));
            longest = Math.max(longest, segment.duration());
        }
        double nominal = playlist.targetDuration() > 0 ? playlist.targetDuration() : longest;
        return new RenditionWindow("hls", seconds(nominal), segments, playlist.endList(), null);
    }

    /** {@code seconds} as a duration, at least one millisecond (a playlist of zero-length segments is still judged). */
    static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }
}
