package io.livepush.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.SlotLifecycle;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.net.AddressRules;
import io.livepush.origin.LiveSlot;
import io.livepush.service.IngestReport;
import io.livepush.service.SlotRules;
import io.livepush.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-slot statistics window of SPEC §7 driven by a hand-moved clock: counts fall out after 60 s and 60 min, the
 * bitrate is measured over 10 s, over-bitrate is flagged only after a 10 s grace, idle slots are forgotten after an
 * hour.
 */
class IngestStatisticsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final IngestStatistics statistics = new IngestStatistics(clock, 2.0);
    /** 1000 kbps contracted, so 2000 kbps (250 000 bytes a second) is the tolerated maximum. */
    private final LiveSlot cam1 = slot("slot-1", "cam1", 1000);
    private final LiveSlot cam2 = slot("slot-2", "cam2", 1000);

    private static LiveSlot slot(String id, String name, int totalKbps) {
        SlotRules rules = new SlotRules(id, "acme", name, SlotLifecycle.ACTIVE, List.of("eu1"), totalKbps, 2000, 300,
                false,
                Map.of(),
                AddressRules.allowAll(), AddressRules.allowAll(), MediaVaultSettings.disabled(), 1);
        return new LiveSlot(rules, Path.of("/storage/acme").resolve(name));
    }

    private IngestReport report(LiveSlot slot) {
        return statistics.reports().stream().filter(report -> report.slotId().equals(slot.id())).findFirst()
                .orElseThrow(() -> new AssertionError("no report for " + slot.id()));
    }

    @Test
    void answeredRequestsAreReportedPerSlot() {
        statistics.record(cam1, 201, 1000, true, null);
        statistics.record(cam1, 415, 0, false, "415: the file type of 'a.exe' is not accepted");
        statistics.record(cam2, 401, 0, false, "401: wrong or missing credentials");

        IngestReport first = report(cam1);
        IngestReport second = report(cam2);

        assertThat(first.requestsLastMinute()).isEqualTo(Map.of(201, 1L, 415, 1L));
        assertThat(first.lastPutAt()).isEqualTo(clock.instant());
        assertThat(first.lastError()).contains("a.exe");
        assertThat(second.requestsLastMinute()).isEqualTo(Map.of(401, 1L));
        assertThat(second.authFailuresLastMinute()).isEqualTo(1);
        assertThat(second.lastPutAt()).isNull();
    }

    @Test
    void countsFallOutOfTheMinuteAfter60SecondsAndOfTheHourAfter60Minutes() {
        statistics.record(cam1, 201, 1000, true, null);

        clock.advance(Duration.ofSeconds(59));
        assertThat(report(cam1).requestsLastMinute()).isEqualTo(Map.of(201, 1L));
        clock.advance(Duration.ofSeconds(1));
        assertThat(report(cam1).requestsLastMinute()).isEmpty();
        assertThat(report(cam1).bytesLastMinute()).isZero();
        assertThat(report(cam1).requestsLastHour()).isEqualTo(Map.of(201, 1L));

        clock.advance(Duration.ofMinutes(59));
        assertThat(report(cam1).requestsLastHour()).isEmpty();
        assertThat(report(cam1).bytesLastHour()).isZero();
    }

    @Test
    void bitrateIsTheRateOfTheLastTenSeconds() {
        for (int second = 0; second < 12; second++) {
            statistics.record(cam1, 201, 125_000, true, null);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(report(cam1).bitrateKbps()).isEqualTo(1000);
        clock.advance(Duration.ofSeconds(5));
        assertThat(report(cam1).bitrateKbps()).isEqualTo(500);
        clock.advance(Duration.ofSeconds(5));
        assertThat(report(cam1).bitrateKbps()).isZero();
    }

    @Test
    void overBitrateIsFlaggedOnlyAfterTenSecondsOverTheTolerance() {
        int firstFlaggedSecond = -1;
        for (int second = 0; second < 30 && firstFlaggedSecond < 0; second++) {
            statistics.record(cam1, 201, 400_000, true, null);
            clock.advance(Duration.ofSeconds(1));
            if (statistics.isOverBitrate(cam1)) {
                firstFlaggedSecond = second;
            }
        }

        // 3200 kbps per second pushed: the 10 s window passes 2000 kbps after 7 complete seconds, then 10 s grace.
        assertThat(firstFlaggedSecond).isEqualTo(6 + 11);
        assertThat(report(cam1).overBitrate()).isTrue();
        assertThat(statistics.isOverBitrate(cam2)).isFalse();
    }

    @Test
    void pushingWithinTheToleranceIsNeverFlagged() {
        for (int second = 0; second < 60; second++) {
            statistics.record(cam1, 201, 240_000, true, null);
            clock.advance(Duration.ofSeconds(1));
            assertThat(statistics.isOverBitrate(cam1)).as("at second %d", second).isFalse();
        }
        assertThat(report(cam1).bitrateKbps()).isEqualTo(1920);
    }

    @Test
    void idleSlotsAreForgottenAfterAnHour() {
        statistics.record(cam1, 201, 1, true, null);
        clock.advance(Duration.ofMinutes(30));
        statistics.record(cam2, 201, 1, true, null);

        clock.advance(Duration.ofMinutes(30));
        assertThat(statistics.reports()).extracting(IngestReport::slotId).containsExactlyInAnyOrder("slot-1", "slot-2");
        clock.advance(Duration.ofMillis(1));
        assertThat(statistics.reports()).extracting(IngestReport::slotId).containsExactly("slot-2");
        clock.advance(Duration.ofMinutes(30));
        assertThat(statistics.reports()).isEmpty();
    }

    @Test
    void aForgottenSlotStartsAfreshWhenItPushesAgain() {
        statistics.record(cam1, 401, 0, false, "401: old error");
        clock.advance(Duration.ofHours(2));
        assertThat(statistics.reports()).isEmpty();

        statistics.record(cam1, 201, 10, true, null);

        assertThat(report(cam1).requestsLastHour()).isEqualTo(Map.of(201, 1L));
        assertThat(report(cam1).lastError()).isNull();
    }
}
