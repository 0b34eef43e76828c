package io.livepush.playlist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link MediaPlaylist} back as text from the lines it keeps: header, {@code EXT-X-SKIP} of a delta update,
 * segments, the next segment's parts, then preload hints, rendition reports and {@code EXT-X-ENDLIST}. Blank lines
 * are not kept. Pure logic.
 */
public final class PlaylistTexts {

    private PlaylistTexts() {
    }

    /** The playlist as UTF-8 text, one {@code LF} after every line. */
    public static byte[] render(MediaPlaylist playlist) {
        StringBuilder text = new StringBuilder(4096);
        for (String line : lines(playlist)) {
            text.append(line).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The playlist's lines in order. */
    public static List<String> lines(MediaPlaylist playlist) {
        List<String> lines = new ArrayList<>(playlist.headerLines());
        if (playlist.skippedSegments() > 0) {
            lines.add("#EXT-X-SKIP:SKIPPED-SEGMENTS=" + playlist.skippedSegments());
        }
        playlist.segments().forEach(segment -> lines.addAll(segment.lines()));
        lines.addAll(playlist.pendingLines());
        lines.addAll(playlist.trailerLines());
        return lines;
    }

    /** {@code headerLines} with {@code EXT-X-VERSION} raised to at least {@code version} (added when absent). */
    static List<String> withVersionAtLeast(List<String> headerLines, int version) {
        List<String> lines = new ArrayList<>(headerLines.size() + 1);
        boolean found = false;
        for (String line : headerLines) {
            if (line.startsWith("#EXT-X-VERSION:")) {
                found = true;
                int current = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(line.substring(15).trim()));
                lines.add(current >= version ? line : "#EXT-X-VERSION:" + version);
            } else {
                lines.add(line);
            }
        }
        if (!found) {
            lines.add(lines.isEmpty() ? 0 : 1, "#EXT-X-VERSION:" + version);
        }
        return lines;
    }
}
