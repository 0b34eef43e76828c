package io.livepush.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.SlotLifecycle;
import io.livepush.ingest.IngestStatistics;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.net.AddressRules;
import io.livepush.origin.LiveSlot;
import io.livepush.service.SlotRules;
import io.livepush.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ingest series from what {@link IngestStatistics} counts: per slot ID up to the cap, later slots summed as
 * {@code other}, unknown slots as {@code unknown}, and the rate gauges refreshed from the statistics window.
 */
class IngestMetersTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final IngestStatistics statistics = new IngestStatistics(clock, 2.0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMeters meters = new IngestMeters(registry, new SlotLabels(1), statistics);
    private final LiveSlot first = slot("11111111111111111111111111111111", "cam1");
    private final LiveSlot second = slot("22222222222222222222222222222222", "cam2");

    IngestMetersTest() {
        statistics.addListener(meters);
    }

    private static LiveSlot slot(String id, String name) {
        SlotRules rules = new SlotRules(id, "acme", name, SlotLifecycle.ACTIVE, List.of("eu1"), 1000, 2000, 300, false,
                Map.of(), AddressRules.allowAll(), AddressRules.allowAll(), MediaVaultSettings.disabled(), 1);
        return new LiveSlot(rules, Path.of("/storage/acme").resolve(name));
    }

    @Test
    void requestsBytesAndAuthFailuresAreCountedPerSlotUpToTheCap() {
        statistics.record(first, 201, 1000, true, null);
        statistics.record(first, 401, 0, false, "401");
        statistics.record(second, 204, 500, true, null);
        statistics.recordUnknownSlot(401);

        assertThat(registry.get("livepush.ingest.requests").tags("slot", first.id(), "status", "201").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("livepush.ingest.bytes").tags("slot", first.id()).counter().count()).isEqualTo(1000);
        assertThat(registry.get("livepush.ingest.auth.failures").tags("slot", first.id()).counter().count())
                .isEqualTo(1);
        assertThat(registry.get("livepush.ingest.bytes").tags("slot", "other").counter().count()).isEqualTo(500);
        assertThat(registry.get("livepush.ingest.auth.failures").tags("slot", "unknown").counter().count())
                .isEqualTo(1);
        assertThat(registry.find("livepush.ingest.bytes").tags("slot", second.id()).counter()).isNull();
    }

    @Test
    void uploadsInProgressAndTheirDurationsAreMeasured() {
        long started = statistics.uploadStarted();
        assertThat(registry.get("livepush.ingest.uploads.in.progress").gauge().value()).isEqualTo(1);

        statistics.uploadEnded(started, true);
        statistics.uploadEnded(statistics.uploadStarted(), false);

        assertThat(registry.get("livepush.ingest.uploads.in.progress").gauge().value()).isZero();
        assertThat(registry.get("livepush.ingest.upload.duration").timer().count()).as("published only")
                .isEqualTo(1);
    }

    @Test
    void theRateGaugesFollowTheStatisticsWindow() {
        // 4000 kbps against 1000 kbps x 2: flagged once it has lasted longer than the 10 s grace.
        for (int second = 0; second < 25; second++) {
            statistics.record(first, 201, 500_000, true, null);
            clock.advance(Duration.ofSeconds(1));
            meters.refreshRates();
        }

        double rate = registry.get("livepush.ingest.rate.bytes.per.second").tags("slot", first.id()).gauge().value();
        assertThat(rate).isEqualTo(500_000.0);
        assertThat(registry.get("livepush.ingest.rate.limit.bytes.per.second").tags("slot", first.id()).gauge()
                .value()).isEqualTo(250_000.0);
        assertThat(registry.get("livepush.ingest.over.bitrate").tags("slot", first.id()).gauge().value())
                .isEqualTo(1.0);
    }
}
