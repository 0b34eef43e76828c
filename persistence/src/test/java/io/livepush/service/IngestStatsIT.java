package io.livepush.service;

import static io.livepush.service.ServiceFixture.ACME_ADMIN;
import static io.livepush.service.ServiceFixture.GLOBEX_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestStatsIT extends ServiceIT {

    private final IngestStatsService stats = new IngestStatsService(fx.database, fx.clock);

    @Test
    void reportsFromEveryNodeAreSummedAndTheSlotIsActive() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "stats-active");
        Instant now = fx.clock.instant();

        stats.report("node-a", List.of(report(slot.id(), now.minusSeconds(2), 2500, Map.of(201, 10L, 204, 20L),
                null, null)));
        stats.report("node-b", List.of(report(slot.id(), now.minusSeconds(1), 2600, Map.of(204, 5L, 401, 1L),
                "401 bad credentials for user 'enc'", now.minusSeconds(30))));

        SlotLiveStatus live = stats.live(ACME_ADMIN, slot.id());
        assertThat(live.activity()).isEqualTo(LiveActivity.ACTIVE);
        assertThat(live.lastPutAt()).isEqualTo(now.minusSeconds(1));
        assertThat(live.bitrateKbps()).isEqualTo(2600);
        assertThat(live.requestsLastMinute()).containsEntry(201, 10L).containsEntry(204, 25L).containsEntry(401, 1L);
        assertThat(live.lastError()).contains("bad credentials");
        assertThat(live.nodes()).extracting(SlotLiveStatus.NodeReport::nodeId).containsExactly("node-a", "node-b");
        assertThat(fx.slotList.list(ACME_ADMIN, "acme", SlotQuery.firstPage(100)).items())
                .filteredOn(summary -> summary.id().equals(slot.id()))
                .singleElement().extracting(SlotSummary::activity).isEqualTo(LiveActivity.ACTIVE);
    }

    @Test
    void aRecentFailureAfterTheLastPutIsAnErrorAndOldNewsIsInactive() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "stats-error");
        Instant now = fx.clock.instant();

        stats.report("node-a", List.of(report(slot.id(), now.minusSeconds(120), 0, Map.of(401, 7L),
                "401 wrong password", now.minusSeconds(5))));
        assertThat(stats.live(ACME_ADMIN, slot.id()).activity()).isEqualTo(LiveActivity.ERROR);

        fx.clock.advance(Duration.ofMinutes(2));
        assertThat(stats.live(ACME_ADMIN, slot.id()).activity()).isEqualTo(LiveActivity.INACTIVE);
    }

    @Test
    void aSlotWithoutReportsIsInactiveAndOtherAccountsCannotReadIt() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "stats-none");

        assertThat(stats.live(ACME_ADMIN, slot.id()).activity()).isEqualTo(LiveActivity.INACTIVE);
        assertThatThrownBy(() -> stats.live(GLOBEX_ADMIN, slot.id())).isInstanceOf(NoSuchSlotException.class);
    }

    @Test
    void activityFollowsThreeSegmentDurations() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");

        assertThat(LiveActivity.of(now.minusMillis(18_000), null, 6000, now)).isEqualTo(LiveActivity.ACTIVE);
        assertThat(LiveActivity.of(now.minusMillis(18_001), null, 6000, now)).isEqualTo(LiveActivity.INACTIVE);
        assertThat(LiveActivity.of(now.minusSeconds(1), now.minusSeconds(2), 6000, now))
                .isEqualTo(LiveActivity.ACTIVE);
        assertThat(LiveActivity.of(null, null, 6000, now)).isEqualTo(LiveActivity.INACTIVE);
    }

    private static IngestReport report(String slotId, Instant lastPut, int kbps, Map<Integer, Long> minute,
            String error, Instant errorAt) {
        return new IngestReport(slotId, lastPut, kbps, false, minute, 1000, minute, 5000, 0, error, errorAt);
    }
}
