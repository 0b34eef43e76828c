package io.livepush.llhls;

import io.livepush.playlist.MediaPlaylist;
import io.livepush.playlist.MediaPlaylists;
import io.livepush.playlist.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Adds LL-HLS parts to a media playlist whose encoder made none, from the fragments found in its segments
 * ({@link GrowingSegments}): {@code EXT-X-PART} byte ranges of each segment of the last three target durations and of
 * the segment uploading now (complete fragments only, draft-pantos-hls-rfc8216bis §6.2.6), an
 * {@code EXT-X-PRELOAD-HINT} for the next part, {@code EXT-X-PART-INF} and {@code EXT-X-SERVER-CONTROL} with
 * {@code CAN-BLOCK-RELOAD=YES} and {@code PART-HOLD-BACK} of three part targets. Everything the encoder wrote stays
 * (but its own server control tag, which this one replaces, keeping its {@code HOLD-BACK}). Pure logic.
 */
final class OriginParts {

    /** How many part targets {@code PART-HOLD-BACK} is. */
    static final int PART_HOLD_BACK_TARGETS = 3;
    /** Parts are listed for the segments of this many target durations from the end. */
    static final int LISTED_TARGET_DURATIONS = 3;

    private OriginParts() {
    }

    /**
     * The playlist with parts added, or {@code null} when there is nothing to add (no fragment known).
     *
     * @param playlist   the encoder's playlist
     * @param naming     how its segments are named
     * @param segments   the known segment uploads by path
     * @param partTarget the part target to declare (the longest fragment seen), in seconds
     */
    static PlaylistAnswer add(MediaPlaylist playlist, SegmentNaming naming, Function<Path, GrowingSegment> segments,
            double partTarget) {
        Segment last = playlist.segments().isEmpty() ? null : playlist.segments().get(playlist.segments().size() - 1);
        if (partTarget <= 0 || last == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String line : playlist.headerLines()) {
            if (!line.startsWith("#EXT-X-SERVER-CONTROL") && !line.startsWith("#EXT-X-PART-INF")) {
                lines.add(line);
            }
            if (line.startsWith("#EXT-X-TARGETDURATION")) {
                String target = decimal(partTarget);
                lines.add("#EXT-X-PART-INF:PART-TARGET=" + target);
                lines.add("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK="
                        + BigDecimal.valueOf(partTarget).multiply(BigDecimal.valueOf(PART_HOLD_BACK_TARGETS))
                                .toPlainString()
                        + holdBack(playlist));
            }
        }
        double fromEnd = 0;
        int firstWithParts = playlist.segments().size();
        while (firstWithParts > 0 && fromEnd < LISTED_TARGET_DURATIONS * playlist.targetDuration()) {
            firstWithParts--;
            fromEnd += playlist.segments().get(firstWithParts).duration();
        }
        for (int i = 0; i < playlist.segments().size(); i++) {
            Segment segment = playlist.segments().get(i);
            GrowingSegment grown = i >= firstWithParts ? segments.apply(naming.directory().resolve(segment.uri()))
                    : null;
            boolean withParts = grown != null && grown.complete() && !grown.fragments().isEmpty();
            for (String line : segment.lines()) {
                if (withParts && line.startsWith("#EXTINF")) {
                    parts(lines, segment.uri(), grown.fragments());
                }
                lines.add(line);
            }
        }
        long counter = naming.counter(last.uri()).orElse(-1);
        String next = naming.name(counter + 1);
        GrowingSegment growing = segments.apply(naming.directory().resolve(next));
        long hintStart = 0;
        String hintUri = next;
        if (growing != null) {
            parts(lines, next, growing.fragments());
            hintStart = growing.completeBytes();
            if (growing.complete()) {
                hintUri = naming.name(counter + 2);
                hintStart = 0;
            }
        }
        lines.addAll(playlist.pendingLines());
        lines.add("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"" + hintUri + "\",BYTERANGE-START=" + hintStart);
        playlist.trailerLines().stream().filter(line -> !line.startsWith("#EXT-X-PRELOAD-HINT")).forEach(lines::add);
        String text = String.join("\n", lines) + "\n";
        return new PlaylistAnswer(MediaPlaylists.parse(text), text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** The part target for fragments of {@code longest} seconds: rounded up to milliseconds. */
    static double partTarget(double longest) {
        return BigDecimal.valueOf(longest).setScale(3, RoundingMode.CEILING).doubleValue();
    }

    private static void parts(List<String> lines, String uri, List<Fragment> fragments) {
        for (Fragment fragment : fragments) {
            lines.add("#EXT-X-PART:DURATION=" + decimal(fragment.duration()) + ",URI=\"" + uri + "\",BYTERANGE=\""
                    + fragment.length() + "@" + fragment.offset() + "\"" + (fragment.independent() ? ",INDEPENDENT=YES"
                    : ""));
        }
    }

    private static String holdBack(MediaPlaylist playlist) {
        double holdBack = playlist.serverControl().holdBack();
        return holdBack > 0 ? ",HOLD-BACK=" + decimal(holdBack) : "";
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.5f", value).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
