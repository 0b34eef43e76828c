package io.livepush.service;

import static io.livepush.service.ServiceFixture.ACME_ADMIN;
import static io.livepush.service.ServiceFixture.GLOBEX_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.health.RenditionFacts;
import io.livepush.health.RenditionHealth;
import io.livepush.health.RenditionName;
import io.livepush.health.RenditionReport;
import io.livepush.health.RenditionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenditionHealthIT extends ServiceIT {

    private final RenditionHealthService health = new RenditionHealthService(fx.database, fx.clock);

    @Test
    void aStoredRenditionIsJudgedWithTheReadersClockSoLateNeedsNoNewReport() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "health-late");
        Instant now = fx.clock.instant();
        health.report("node-a", List.of(report(slot.id(), "720p/index.m3u8", now, 812L)), List.of());

        RenditionHealth fresh = health.health(ACME_ADMIN, slot.id()).renditions().get(0);
        assertThat(fresh.status().state()).isEqualTo(RenditionState.HEALTHY);
        assertThat(fresh.lastSequence()).isEqualTo(812L);
        assertThat(fresh.measuredKbps()).isEqualTo(1900);
        assertThat(fresh.declaredKbps()).isEqualTo(2000);

        fx.clock.advance(Duration.ofMillis(1500));
        RenditionHealth late = health.health(ACME_ADMIN, slot.id()).renditions().get(0);
        assertThat(late.status().state()).isEqualTo(RenditionState.LATE);
        assertThat(late.status().since()).isEqualTo(now.plusMillis(1500));
        assertThat(late.segmentAge()).isEqualTo(Duration.ofMillis(1500));

        fx.clock.advance(Duration.ofMillis(1500));
        assertThat(health.health(ACME_ADMIN, slot.id()).renditions().get(0).status().state()).isEqualTo(RenditionState.STOPPED);
    }

    @Test
    void everyNodesViewIsListedByRenditionAndGoneRenditionsDisappear() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "health-nodes");
        Instant now = fx.clock.instant();
        health.report("node-b", List.of(report(slot.id(), "low/index.m3u8", now, 1L),
                report(slot.id(), "high/index.m3u8", now, 1L)), List.of());
        health.report("node-a", List.of(report(slot.id(), "low/index.m3u8", now, 2L)), List.of());

        assertThat(health.health(ACME_ADMIN, slot.id()).renditions()).extracting(h -> h.rendition() + "@" + h.nodeId())
                .containsExactly("high/index.m3u8@node-b", "low/index.m3u8@node-a", "low/index.m3u8@node-b");

        health.report("node-b", List.of(), List.of(new RenditionName(slot.id(), "high/index.m3u8")));
        assertThat(health.health(ACME_ADMIN, slot.id()).renditions()).extracting(RenditionHealth::rendition)
                .containsExactly("low/index.m3u8", "low/index.m3u8");
    }

    @Test
    void anotherAccountCannotReadASlotsHealthAndUnknownSlotsAreDropped() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "health-private");
        health.report("node-a", List.of(report(slot.id(), "index.m3u8", fx.clock.instant(), 5L),
                report("0123456789abcdef0123456789abcdef", "index.m3u8", fx.clock.instant(), 5L)), List.of());

        assertThat(health.health(ACME_ADMIN, slot.id()).renditions()).hasSize(1);
        assertThatThrownBy(() -> health.health(GLOBEX_ADMIN, slot.id())).isInstanceOf(NoSuchSlotException.class);
    }

    @Test
    void aNodeSilentForAnHourIsNoLongerShown() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "health-silent");
        health.report("node-a", List.of(report(slot.id(), "index.m3u8", fx.clock.instant(), 5L)), List.of());

        fx.clock.advance(RenditionHealthService.SHOWN_FOR);
        assertThat(health.health(ACME_ADMIN, slot.id()).renditions()).isEmpty();
        assertThat(health.health(ACME_ADMIN, slot.id()).checkedAt()).isEqualTo(fx.clock.instant());
    }

    private static RenditionReport report(String slotId, String rendition, Instant lastSegment, Long sequence) {
        RenditionFacts facts = new RenditionFacts(Duration.ofSeconds(1), lastSegment, null, null, null, lastSegment);
        return new RenditionReport(slotId, rendition, "hls", facts, RenditionState.HEALTHY, sequence, lastSegment, 0,
                0, 1900, 2000, 0, null, 0);
    }
}
