package io.livepush.service;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether an encoder is publishing to a slot right now (SPEC §7), shown beside the provisioning status: ffmpeg hides
 * its own errors, so this is where a publisher learns that a password is wrong.
 */
public enum LiveActivity {
    /** A successful PUT within three segment durations. */
    ACTIVE,
    /** Nothing recent. */
    INACTIVE,
    /** The latest request failed (for example 401 or 403) within the last minute, after the last successful PUT. */
    ERROR;

    private static final Duration ERROR_WINDOW = Duration.ofMinutes(1);
    private static final int ACTIVE_SEGMENTS = 3;

    /**
     * Derives the activity from a slot's latest successful PUT and latest error, either of which may be {@code null}.
     */
    public static LiveActivity of(Instant lastPutAt, Instant lastErrorAt, int segmentDurationMs, Instant now) {
        boolean recentError = lastErrorAt != null && !lastErrorAt.isBefore(now.minus(ERROR_WINDOW))
                && (lastPutAt == null || lastErrorAt.isAfter(lastPutAt));
        if (recentError) {
            return ERROR;
        }
        Duration activeWindow = Duration.ofMillis((long) segmentDurationMs * ACTIVE_SEGMENTS);
        if (lastPutAt != null && !lastPutAt.isBefore(now.minus(activeWindow))) {
            return ACTIVE;
        }
        return INACTIVE;
    }
}
