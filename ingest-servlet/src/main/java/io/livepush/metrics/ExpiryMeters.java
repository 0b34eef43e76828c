package io.livepush.metrics;

import io.livepush.segment.ExpiryActivity;
import io.livepush.segment.ExpirySweep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The segment-expiry series of {@code live.war}: files in the expiry index, sweep durations, files removed, ended
 * streams cleaned up and the time of the last sweep (a stuck expiry thread shows as a growing age).
 */
final class ExpiryMeters implements ExpiryActivity.SweepListener {

    private final Timer sweeps;
    private final Counter removed;
    private final Counter endedStreams;
    private final Clock clock;
    private final AtomicLong lastSweepMillis = new AtomicLong();

    ExpiryMeters(MeterRegistry registry, ExpiryActivity activity, Clock clock) {
        this.clock = clock;
        Gauge.builder("livepush.expiry.index.files", activity, ExpiryActivity::indexedFiles)
                .description("Files waiting to expire").register(registry);
        sweeps = Timer.builder("livepush.expiry.sweep.duration").description("How long one expiry sweep took")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMillis(100),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(registry);
        removed = Counter.builder("livepush.expiry.files.removed").description("Files deleted because they expired")
                .register(registry);
        endedStreams = Counter.builder("livepush.expiry.ended.streams")
                .description("Slots whose playlists were removed because their stream had ended").register(registry);
        Gauge.builder("livepush.expiry.last.sweep.timestamp.seconds", lastSweepMillis, last -> last.get() / 1000.0)
                .description("When the last sweep ended (Unix time; 0 before the first)").register(registry);
    }

    @Override
    public void swept(ExpirySweep.Result result, long nanos) {
        sweeps.record(nanos, TimeUnit.NANOSECONDS);
        removed.increment(result.deleted());
        endedStreams.increment(result.endedStreams());
        lastSweepMillis.set(clock.millis());
    }
}
