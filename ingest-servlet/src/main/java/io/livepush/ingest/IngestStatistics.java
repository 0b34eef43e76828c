package io.livepush.ingest;

import io.livepush.origin.LiveSlot;
import io.livepush.service.IngestReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-slot ingest statistics of this node, kept in memory and flushed to the database every few seconds by the
 * bootstrap's thread, so the portal can show Active / Inactive / Error and the last error (SPEC §7). Slots idle for an
 * hour are forgotten.
 */
public final class IngestStatistics {

    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final Clock clock;
    private final double tolerance;
    private final Map<String, SlotCounters> counters = new ConcurrentHashMap<>();
    private final Map<String, Integer> limitsKbps = new ConcurrentHashMap<>();
    private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger uploadsInProgress = new AtomicInteger();

    /** One slot's measured ingest rate and its limit (total bitrate × tolerance), for metrics. */
    public record SlotRate(String slotId, int bitrateKbps, double limitKbps, boolean overBitrate) {
    }

    /**
     * @param tolerance factor over a slot's total ingest bitrate that counts as over-bitrate (SPEC §4, default 2)
     */
    public IngestStatistics(Clock clock, double tolerance) {
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /**
     * Counts one answered request.
     *
     * @param successfulPut whether it stored an object (its time becomes the last PUT)
     * @param error         what went wrong, for the portal; never a credential; {@code null} on success
     */
    public void record(LiveSlot slot, int status, long bytes, boolean successfulPut, String error) {
        limitsKbps.put(slot.id(), slot.rules().totalKbps());
        counters.computeIfAbsent(slot.id(), SlotCounters::new).record(clock.instant(), status, bytes, successfulPut,
                error);
        for (IngestListener listener : listeners) {
            listener.answered(slot, status, bytes);
        }
    }

    /** Subscribes {@code listener} to every answer counted from now on. */
    public void addListener(IngestListener listener) {
        listeners.add(listener);
    }

    /** Counts a refusal of a request for a slot this node does not serve (kept out of every slot's statistics). */
    public void recordUnknownSlot(int status) {
        for (IngestListener listener : listeners) {
            listener.answeredUnknownSlot(status);
        }
    }

    /** Marks the start of an upload's body; returns the start time for {@link #uploadEnded}. */
    public long uploadStarted() {
        uploadsInProgress.incrementAndGet();
        return System.nanoTime();
    }

    /** Marks the end of an upload begun at {@code startedNanos}; {@code published} when it was stored. */
    public void uploadEnded(long startedNanos, boolean published) {
        uploadsInProgress.decrementAndGet();
        if (published) {
            long nanos = System.nanoTime() - startedNanos;
            for (IngestListener listener : listeners) {
                listener.uploaded(nanos);
            }
        }
    }

    /** The uploads whose body is arriving now. */
    public int uploadsInProgress() {
        return uploadsInProgress.get();
    }

    /** The measured rate of every slot with traffic in the last hour (updates the over-bitrate flags). */
    public List<SlotRate> rates() {
        Instant now = clock.instant();
        List<SlotRate> rates = new ArrayList<>();
        counters.forEach((slotId, slotCounters) -> {
            double limit = limitsKbps.getOrDefault(slotId, Integer.MAX_VALUE) * tolerance;
            rates.add(new SlotRate(slotId, slotCounters.bitrateKbps(now), limit,
                    slotCounters.isOverBitrate(now, limit)));
        });
        return rates;
    }

    /**
     * Records a problem this node found with the slot's stream outside any one request (peer fill's diverged copies),
     * as the slot's last error, without counting a request.
     */
    public void problem(LiveSlot slot, String error) {
        limitsKbps.put(slot.id(), slot.rules().totalKbps());
        counters.computeIfAbsent(slot.id(), SlotCounters::new).problem(clock.instant(), error);
    }

    /** Whether the slot has pushed more than its total bitrate × tolerance for longer than the grace period. */
    public boolean isOverBitrate(LiveSlot slot) {
        SlotCounters slotCounters = counters.get(slot.id());
        return slotCounters != null
                && slotCounters.isOverBitrate(clock.instant(), slot.rules().totalKbps() * tolerance);
    }

    /** The current report of every slot with traffic in the last hour; forgets the others. */
    public List<IngestReport> reports() {
        Instant now = clock.instant();
        counters.entrySet().removeIf(entry -> entry.getValue().isIdleSince(now.minus(FORGET_AFTER)));
        limitsKbps.keySet().retainAll(counters.keySet());
        List<IngestReport> reports = new ArrayList<>();
        counters.forEach((slotId, slotCounters) -> reports.add(
                slotCounters.report(now, limitsKbps.getOrDefault(slotId, Integer.MAX_VALUE) * tolerance)));
        return reports;
    }
}
