package io.livepush.peer;

import io.livepush.origin.LiveSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The renditions this node found diverged from their peer copy. A divergence holds for the slot's file expiry time
 * after it was found (by then every segment of the diverged stretch has expired on both PoPs); the next gap after that
 * compares the copies again. Thread-safe.
 */
final class Divergences {

    private final Map<String, Divergence> byRendition = new ConcurrentHashMap<>();

    /** Whether filling the rendition of {@code playlist} is stopped. */
    boolean isDiverged(LiveSlot slot, String playlist, Instant now) {
        Divergence divergence = byRendition.get(key(slot, playlist));
        if (divergence == null) {
            return false;
        }
        if (divergence.since().plus(Duration.ofSeconds(slot.rules().fileExpirySeconds())).isBefore(now)) {
            byRendition.remove(key(slot, playlist), divergence);
            return false;
        }
        return true;
    }

    /** Records a divergence; returns whether it is new (not already recorded for the rendition). */
    boolean record(LiveSlot slot, String playlist, String reason, Instant now) {
        Divergence previous = byRendition.put(key(slot, playlist),
                new Divergence(slot.id(), slot.shortname(), slot.name(), playlist, reason, now));
        return previous == null;
    }

    /** Every divergence recorded, oldest first (expired ones included until the next gap of their rendition). */
    List<Divergence> all() {
        return byRendition.values().stream().sorted(Comparator.comparing(Divergence::since)).toList();
    }

    private static String key(LiveSlot slot, String playlist) {
        return slot.id() + '/' + playlist;
    }
}
