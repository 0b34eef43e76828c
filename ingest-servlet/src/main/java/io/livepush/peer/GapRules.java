package io.livepush.peer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When a node fills a gap from its peer PoP, and when it must not (docs/decisions.md, "Peer fill"). Both PoPs receive
 * the same encoder output, so a segment has the same name and the same media sequence number on both; only then is the
 * peer's copy a stand-in for the missing one.
 * <ul>
 * <li>A media playlist is <em>stale</em> when it has no {@code #EXT-X-ENDLIST} and was last written more than
 * {@value #STALE_TARGET_DURATIONS} target durations ago (the encoder's link to this PoP is gone).</li>
 * <li>The peer's copy is <em>current</em> when it names a later media sequence number than the local one.</li>
 * <li>The two copies <em>diverge</em> when a segment URI both name has two different sequence numbers, or one sequence
 * number names two different URIs: two encoders, or one restarted on one side only.</li>
 * </ul>
 */
public final class GapRules {

    /** How many target durations without a rewrite make a live playlist stale (SPEC §7's "Stopped"). */
    public static final int STALE_TARGET_DURATIONS = 3;

    private GapRules() {
    }

    /** Whether the local media playlist, last written at {@code modified}, stopped updating. */
    public static boolean isStale(MediaPlaylist local, Instant modified, Instant now) {
        Duration limit = Duration.ofSeconds((long) local.targetDurationSeconds() * STALE_TARGET_DURATIONS);
        return !local.ended() && modified.plus(limit).isBefore(now);
    }

    /** Whether the peer's copy of a playlist has segments after the local copy's last one. */
    public static boolean isAhead(MediaPlaylist peer, MediaPlaylist local) {
        return peer.lastSequence(Long.MIN_VALUE) > local.lastSequence(Long.MIN_VALUE);
    }

    /**
     * Why the two copies of one media playlist cannot be the same stream, or {@code null} when every segment both
     * name agrees (copies that share no segment cannot be told apart and count as agreeing).
     */
    public static String conflict(MediaPlaylist local, MediaPlaylist peer) {
        Map<Long, String> localUris = new HashMap<>();
        local.segments().forEach((uri, number) -> localUris.put(number, uri));
        for (Map.Entry<String, Long> segment : peer.segments().entrySet()) {
            Long localNumber = local.sequenceOf(segment.getKey());
            if (localNumber != null && !localNumber.equals(segment.getValue())) {
                return "segment " + segment.getKey() + " has media sequence " + localNumber + " here and "
                        + segment.getValue() + " on the peer PoP";
            }
            String localUri = localUris.get(segment.getValue());
            if (localUri != null && !localUri.equals(segment.getKey())) {
                return "media sequence " + segment.getValue() + " is " + localUri + " here and " + segment.getKey()
                        + " on the peer PoP";
            }
        }
        return null;
    }

    /**
     * The slot-relative path a segment URI of the playlist at {@code playlistPath} (slot-relative) names, or
     * {@code null} for URIs peer fill leaves alone: absolute ones, with a query or fragment, or climbing with
     * {@code ..} / {@code .}.
     */
    public static String resolve(String playlistPath, String uri) {
        if (uri.isEmpty() || uri.startsWith("/") || uri.contains(":") || uri.contains("?") || uri.contains("#")
                || uri.contains("\\")) {
            return null;
        }
        for (String name : uri.split("/", -1)) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                return null;
            }
        }
        int slash = playlistPath.lastIndexOf('/');
        return slash < 0 ? uri : playlistPath.substring(0, slash + 1) + uri;
    }
}
