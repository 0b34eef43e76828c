package io.livepush.ingest;

import io.livepush.service.IngestReport;
import java.time.Duration;
import java.time.Instant;

/**
 * One slot's ingest statistics on this node (SPEC §7): requests and bytes by status over the last minute and hour,
 * the last successful PUT, the measured bitrate, auth failures and the last error. Synchronised on itself: one slot's
 * encoders touch it a few times per second.
 */
final class SlotCounters {

    /** The window the bitrate is measured over. */
    static final Duration BITRATE_WINDOW = Duration.ofSeconds(10);
    /** How long a slot must stay over its bitrate before it is flagged. */
    static final Duration OVER_BITRATE_GRACE = Duration.ofSeconds(10);

    private final String slotId;
    private final SlidingCounts minute = new SlidingCounts(60, 1000);
    private final SlidingCounts hour = new SlidingCounts(60, 60_000);
    private final SlidingCounts authFailures = new SlidingCounts(60, 1000);
    private Instant lastPutAt;
    private String lastError;
    private Instant lastErrorAt;
    private Instant overSince;
    private Instant lastActivity;

    SlotCounters(String slotId) {
        this.slotId = slotId;
    }

    synchronized void record(Instant now, int status, long bytes, boolean successfulPut, String error) {
        long millis = now.toEpochMilli();
        minute.add(millis, status, bytes);
        hour.add(millis, status, bytes);
        if (status == 401) {
            authFailures.add(millis, status, 0);
        }
        if (successfulPut) {
            lastPutAt = now;
        }
        if (error != null) {
            lastError = error;
            lastErrorAt = now;
        }
        lastActivity = now;
    }

    synchronized void problem(Instant now, String error) {
        lastError = error;
        lastErrorAt = now;
        lastActivity = now;
    }

    /** The ingest rate over the last {@link #BITRATE_WINDOW} of complete seconds, in kbps. */
    synchronized int bitrateKbps(Instant now) {
        long bytes = minute.bytesWithin(now.toEpochMilli(), BITRATE_WINDOW.toMillis());
        return (int) (bytes * 8 / BITRATE_WINDOW.toSeconds() / 1000);
    }

    /**
     * Whether the slot has been above {@code limitKbps} for longer than {@link #OVER_BITRATE_GRACE}; updates the
     * time it went over.
     */
    synchronized boolean isOverBitrate(Instant now, double limitKbps) {
        if (bitrateKbps(now) <= limitKbps) {
            overSince = null;
            return false;
        }
        if (overSince == null) {
            overSince = now;
        }
        return Duration.between(overSince, now).compareTo(OVER_BITRATE_GRACE) > 0;
    }

    synchronized boolean isIdleSince(Instant cutoff) {
        return lastActivity == null || lastActivity.isBefore(cutoff);
    }

    synchronized IngestReport report(Instant now, double limitKbps) {
        long millis = now.toEpochMilli();
        return new IngestReport(slotId, lastPutAt, bitrateKbps(now), isOverBitrate(now, limitKbps),
                minute.requests(millis), minute.bytes(millis), hour.requests(millis), hour.bytes(millis),
                (int) authFailures.requests(millis).values().stream().mapToLong(Long::longValue).sum(), lastError,
                lastErrorAt);
    }
}
