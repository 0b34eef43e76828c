package io.livepush.metrics;

import io.livepush.ingest.IngestListener;
import io.livepush.ingest.IngestStatistics;
import io.livepush.origin.LiveSlot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The ingest series of {@code live.war}: requests by slot and status, bytes received, auth failures, upload durations,
 * uploads in progress, and each slot's measured rate, limit and over-bitrate flag (from {@link IngestStatistics}).
 * Per-slot series are labelled by {@link SlotLabels}; meters are built once per label and status, not per request.
 */
final class IngestMeters implements IngestListener {

    private final MeterRegistry registry;
    private final SlotLabels labels;
    private final IngestStatistics statistics;
    private final Map<String, SlotMeters> slots = new ConcurrentHashMap<>();
    private final Timer uploads;
    private final MultiGauge rates;
    private final MultiGauge limits;
    private final MultiGauge overBitrate;

    IngestMeters(MeterRegistry registry, SlotLabels labels, IngestStatistics statistics) {
        this.registry = registry;
        this.labels = labels;
        this.statistics = statistics;
        uploads = Timer.builder("livepush.ingest.upload.duration")
                .description("Time from the first to the last byte of an upload's body until it was published")
                .serviceLevelObjectives(millis(10), millis(50), millis(100), millis(250), millis(500), millis(1000),
                        millis(2000), millis(4000), millis(8000), millis(16000))
                .register(registry);
        Gauge.builder("livepush.ingest.uploads.in.progress", statistics, IngestStatistics::uploadsInProgress)
                .description("Upload bodies arriving now").register(registry);
        rates = MultiGauge.builder("livepush.ingest.rate.bytes.per.second")
                .description("Measured ingest rate over the last 10 seconds").register(registry);
        limits = MultiGauge.builder("livepush.ingest.rate.limit.bytes.per.second")
                .description("The slot's total ingest bitrate times the tolerance").register(registry);
        overBitrate = MultiGauge.builder("livepush.ingest.over.bitrate")
                .description("1 while the slot has pushed above its limit for more than 10 seconds").register(registry);
    }

    @Override
    public void answered(LiveSlot slot, int status, long bytes) {
        SlotMeters meters = meters(labels.of(slot.id()));
        meters.requests(status).increment();
        if (bytes > 0) {
            meters.bytes.increment(bytes);
        }
        if (status == 401) {
            meters.authFailures.increment();
        }
    }

    @Override
    public void answeredUnknownSlot(int status) {
        SlotMeters meters = meters(SlotLabels.UNKNOWN);
        meters.requests(status).increment();
        if (status == 401) {
            meters.authFailures.increment();
        }
    }

    @Override
    public void uploaded(long nanos) {
        uploads.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Re-reads every slot's rate (before a scrape); slots sharing {@value SlotLabels#OTHER} are summed. */
    synchronized void refreshRates() {
        Map<String, double[]> byLabel = new HashMap<>();
        for (IngestStatistics.SlotRate rate : statistics.rates()) {
            double[] sums = byLabel.computeIfAbsent(labels.of(rate.slotId()), label -> new double[3]);
            sums[0] += rate.bitrateKbps() * 1000.0 / 8;
            sums[1] += rate.limitKbps() * 1000.0 / 8;
            sums[2] = Math.max(sums[2], rate.overBitrate() ? 1 : 0);
        }
        List<MultiGauge.Row<?>> rateRows = new ArrayList<>();
        List<MultiGauge.Row<?>> limitRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overRows = new ArrayList<>();
        byLabel.forEach((label, sums) -> {
            Tags tags = Tags.of("slot", label);
            rateRows.add(MultiGauge.Row.of(tags, sums[0]));
            limitRows.add(MultiGauge.Row.of(tags, sums[1]));
            overRows.add(MultiGauge.Row.of(tags, sums[2]));
        });
        rates.register(rateRows, true);
        limits.register(limitRows, true);
        overBitrate.register(overRows, true);
    }

    private SlotMeters meters(String label) {
        return slots.computeIfAbsent(label, SlotMeters::new);
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }

    /** The meters of one slot label. */
    private final class SlotMeters {

        private final String label;
        private final Counter bytes;
        private final Counter authFailures;
        private final Map<Integer, Counter> requests = new ConcurrentHashMap<>();

        SlotMeters(String label) {
            this.label = label;
            bytes = Counter.builder("livepush.ingest.bytes").tag("slot", label)
                    .description("Body bytes of the objects stored").register(registry);
            authFailures = Counter.builder("livepush.ingest.auth.failures").tag("slot", label)
                    .description("Publishing requests refused for wrong or missing credentials").register(registry);
        }

        Counter requests(int status) {
            return requests.computeIfAbsent(status, code -> Counter.builder("livepush.ingest.requests")
                    .tags("slot", label, "status", Integer.toString(code))
                    .description("Publishing requests answered, by slot and status").register(registry));
        }
    }
}
