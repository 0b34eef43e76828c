package io.livepush.llhls;

import io.livepush.playlist.MediaPlaylist;
import io.livepush.playlist.PublishedPlaylist;
import io.livepush.playlist.Segment;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, per playlist of a low-latency slot, whether the origin makes its parts, and makes them: only for a live
 * playlist without parts of its own whose segments are fMP4 named with a counter ({@link SegmentNaming}) and have an
 * {@code EXT-X-MAP} init segment in the same directory. Remembers each playlist's part target, which only grows (a
 * player must not see it shrink).
 */
final class PartSources {

    private static final Pattern MAP_URI = Pattern.compile("^#EXT-X-MAP:.*URI=\"([^\"]+)\"");

    private final GrowingSegments growing;
    private final Map<Path, Double> partTargets = new ConcurrentHashMap<>();

    PartSources(GrowingSegments growing) {
        this.growing = growing;
    }

    /**
     * The playlist as answered now: with origin-made parts when they apply and a fragment is known, else as
     * published.
     */
    PlaylistAnswer answer(PublishedPlaylist published, Path file, Path slotDirectory, boolean lowLatency) {
        PlaylistAnswer asPublished = new PlaylistAnswer(published.playlist(), published.content(), false);
        MediaPlaylist playlist = published.playlist();
        if (!lowLatency || playlist.hasParts() || playlist.endList() || playlist.segments().isEmpty()) {
            return asPublished;
        }
        Path directory = file.toAbsolutePath().normalize().getParent();
        Segment last = playlist.segments().get(playlist.segments().size() - 1);
        SegmentNaming naming = SegmentNaming.of(directory, last.uri());
        String init = initUri(playlist);
        if (naming == null || init == null || init.contains("/") || init.contains("?") || init.startsWith(".")) {
            return asPublished;
        }
        growing.follow(slotDirectory.toAbsolutePath().normalize(), file, naming, directory.resolve(init));
        double target = partTargets.merge(file, longestFragment(playlist, naming), Math::max);
        PlaylistAnswer withParts = OriginParts.add(playlist, naming, growing::find, OriginParts.partTarget(target));
        return withParts == null ? asPublished : withParts;
    }

    private double longestFragment(MediaPlaylist playlist, SegmentNaming naming) {
        double longest = 0;
        long next = naming.counter(playlist.segments().get(playlist.segments().size() - 1).uri()).orElse(-1) + 1;
        for (int i = Math.max(0, playlist.segments().size() - 4); i <= playlist.segments().size(); i++) {
            String uri = i < playlist.segments().size() ? playlist.segments().get(i).uri() : naming.name(next);
            GrowingSegment segment = growing.find(naming.directory().resolve(uri));
            if (segment != null) {
                for (Fragment fragment : segment.fragments()) {
                    longest = Math.max(longest, fragment.duration());
                }
            }
        }
        return longest;
    }

    private static String initUri(MediaPlaylist playlist) {
        String uri = null;
        for (Segment segment : playlist.segments()) {
            for (String line : segment.lines()) {
                Matcher matcher = MAP_URI.matcher(line);
                if (matcher.find()) {
                    uri = matcher.group(1);
                }
            }
        }
        return uri;
    }
}
