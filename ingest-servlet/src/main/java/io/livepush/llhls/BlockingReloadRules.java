package io.livepush.llhls;

import io.livepush.playlist.MediaPlaylist;
import io.livepush.playlist.Segment;

/**
 * When a blocking playlist reload is answered (draft-pantos-hls-rfc8216bis §6.2.5.2). Pure logic.
 * <ul>
 * <li>Directives are ignored once the playlist has {@code EXT-X-ENDLIST}, and when the playlist does not offer
 * blocking reloads ({@code CAN-BLOCK-RELOAD=YES}): a client must not send them then.</li>
 * <li>{@code _HLS_part} is ignored for a playlist without parts.</li>
 * <li>A request is satisfied once the playlist lists segment {@code M} (with {@code _HLS_part}: part {@code N} of
 * segment {@code M}) or anything later; a part index past the last part of a complete segment means part 0 of the
 * next segment.</li>
 * <li>Too far ahead (400): {@code M} more than two past the last segment listed, or a part more than the Advance Part
 * Limit past the last part listed (three divided by {@code PART-TARGET} when it is under one second, else three).</li>
 * </ul>
 */
public final class BlockingReloadRules {

    /** What to do with a playlist request. */
    public enum Outcome {
        /** Answer with the current playlist. */
        ANSWER,
        /** Hold the request until the playlist satisfies it. */
        HOLD,
        /** Answer 400 at once. */
        TOO_FAR_AHEAD
    }

    private BlockingReloadRules() {
    }

    /** Decides what a request with {@code directives} gets from {@code playlist} now. */
    public static Outcome decide(MediaPlaylist playlist, DeliveryDirectives directives) {
        if (!applies(playlist, directives)) {
            return Outcome.ANSWER;
        }
        if (isTooFarAhead(playlist, directives)) {
            return Outcome.TOO_FAR_AHEAD;
        }
        return isSatisfied(playlist, directives) ? Outcome.ANSWER : Outcome.HOLD;
    }

    /** Whether {@code playlist} is held for at all: blocking directives, blocking reloads offered, no ENDLIST. */
    public static boolean applies(MediaPlaylist playlist, DeliveryDirectives directives) {
        return directives.blocking() && !playlist.endList() && playlist.serverControl().canBlockReload();
    }

    /** Whether {@code playlist} lists what {@code directives} wait for. */
    public static boolean isSatisfied(MediaPlaylist playlist, DeliveryDirectives directives) {
        long msn = directives.msn();
        long last = playlist.lastMediaSequence();
        if (directives.part() < 0 || !playlist.hasParts()) {
            return msn <= last;
        }
        if (msn < last) {
            return true;
        }
        if (msn == last) {
            Segment segment = playlist.segment(last);
            return segment == null || directives.part() < segment.parts().size() || !playlist.pendingParts().isEmpty();
        }
        return msn == last + 1 && directives.part() < playlist.pendingParts().size();
    }

    /** Whether the request is too far ahead of {@code playlist} to be held. */
    static boolean isTooFarAhead(MediaPlaylist playlist, DeliveryDirectives directives) {
        long last = playlist.lastMediaSequence();
        if (directives.msn() > last + 2) {
            return true;
        }
        if (directives.part() < 0 || !playlist.hasParts()) {
            return false;
        }
        long lastPartMsn;
        long lastPartIndex;
        if (!playlist.pendingParts().isEmpty()) {
            lastPartMsn = last + 1;
            lastPartIndex = playlist.pendingParts().size() - 1;
        } else {
            Segment segment = playlist.segment(last);
            lastPartMsn = last;
            lastPartIndex = segment == null ? -1 : segment.parts().size() - 1;
        }
        long partsAhead = (directives.msn() - lastPartMsn) * partsPerSegment(playlist) + directives.part()
                - lastPartIndex;
        return partsAhead > advancePartLimit(playlist);
    }

    /** Three divided by the part target when it is under one second, else three. */
    static double advancePartLimit(MediaPlaylist playlist) {
        double target = playlist.partTarget();
        return target > 0 && target < 1 ? 3 / target : 3;
    }

    private static long partsPerSegment(MediaPlaylist playlist) {
        double target = playlist.partTarget();
        return target > 0 ? Math.max(1, Math.round(playlist.targetDuration() / target)) : 1;
    }
}
