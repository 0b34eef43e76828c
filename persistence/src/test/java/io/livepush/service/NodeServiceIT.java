package io.livepush.service;

import static io.livepush.service.ServiceFixture.ACME_ADMIN;
import static io.livepush.service.ServiceFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.ProvisioningStatus;
import io.livepush.domain.Region;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeServiceIT extends ServiceIT {

    @Test
    void aSlotIsPublishedOnceTheNodeOfItsPopHasLoadedItsVersion() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "provision");
        assertThat(slot.status()).isEqualTo(ProvisioningStatus.LIVE_EVENT_PROVISIONING);

        long version = fx.nodes.currentVersion();
        fx.nodes.heartbeat(new Heartbeat("node-eu1", "eu1", version, null, Map.of()));

        assertThat(fx.slots.get(ACME_ADMIN, slot.id()).status()).isEqualTo(ProvisioningStatus.PUBLISHED);
    }

    @Test
    void aNodeErrorForTheSlotMakesItError() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "broken");
        long version = fx.nodes.currentVersion();

        fx.nodes.heartbeat(new Heartbeat("node-eu1", "eu1", version, null,
                Map.of(slot.id(), "storage directory /srv/live/acme/broken is not writable")));

        SlotRecord read = fx.slots.get(ACME_ADMIN, slot.id());
        assertThat(read.status()).isEqualTo(ProvisioningStatus.ERROR);
        // The account admin learns what is wrong, not where the server keeps its files; the operator sees both.
        assertThat(read.statusReason()).isEqualTo(
                "Ingest node 'node-eu1': storage directory [server path] is not writable");
        assertThat(fx.slotList.list(ACME_ADMIN, "acme", SlotQuery.firstPage(50)).items())
                .anySatisfy(summary -> assertThat(summary.statusReason()).isEqualTo(read.statusReason()));
        assertThat(fx.slots.get(OPERATOR, slot.id()).statusReason()).isEqualTo(
                "Ingest node 'node-eu1': storage directory /srv/live/acme/broken is not writable");
        fx.nodes.heartbeat(new Heartbeat("node-eu1", "eu1", version, null, Map.of()));
        assertThat(fx.slots.get(ACME_ADMIN, slot.id()).status()).isEqualTo(ProvisioningStatus.PUBLISHED);
    }

    @Test
    void withoutAConfirmationTheSlotIsNotProvisionedAfterFiveMinutes() {
        SlotRecord slot = fx.slots.create(ACME_ADMIN, "acme", withPop(fx.draft("lonely"), fx.naPop.id()));

        fx.clock.advance(Duration.ofMinutes(5));

        SlotRecord read = fx.slots.get(ACME_ADMIN, slot.id());
        assertThat(read.status()).isEqualTo(ProvisioningStatus.NOT_PROVISIONED);
        assertThat(read.statusReason()).contains("PoP 'na1'");
    }

    @Test
    void changesSinceReturnsOnlyWhatChangedAfterTheNodesVersion() {
        SlotRecord first = fx.create(ACME_ADMIN, "acme", "poll-one");
        long loaded = fx.nodes.currentVersion();
        SlotRecord second = fx.create(ACME_ADMIN, "acme", "poll-two");

        RuleChanges changes = fx.nodes.changesSince(loaded);

        assertThat(changes.version()).isEqualTo(fx.nodes.currentVersion()).isGreaterThan(loaded);
        assertThat(changes.changed()).extracting(SlotRules::slotId).containsExactly(second.id());
        SlotRules rules = changes.changed().get(0);
        assertThat(rules.publishers().allows("192.0.2.77")).isTrue();
        assertThat(rules.publishers().allows("203.0.113.1")).isFalse();
        assertThat(rules.viewers().allows("198.51.100.7")).isFalse();
        assertThat(rules.viewers().allows("198.51.100.8")).isTrue();
        assertThat(rules.popNames()).containsExactly("eu1");
        assertThat(rules.toString()).doesNotContain("primarySecret1").doesNotContain("argon2");
        assertThat(fx.nodes.changesSince(changes.version()).changed()).isEmpty();

        fx.slots.delete(ACME_ADMIN, first.id());
        assertThat(fx.nodes.changesSince(changes.version()).changed())
                .singleElement().satisfies(deleted -> assertThat(deleted.isActive()).isFalse());
    }

    @Test
    void lowLatencyIsOffByDefaultAndAnEditTurningItOnReachesTheNodes() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "low-latency");
        long loaded = fx.nodes.currentVersion();
        assertThat(fx.nodes.changesSince(0).changed()).filteredOn(rules -> rules.slotId().equals(slot.id()))
                .singleElement().satisfies(rules -> assertThat(rules.lowLatency()).isFalse());
        SlotDraft d = fx.draft("low-latency");

        fx.slots.update(ACME_ADMIN, slot.id(), new SlotDraft(null, d.description(), null, d.region(),
                d.primaryPopId(), null, false, d.totalKbps(), d.segmentDurationMs(), d.fileExpirySeconds(), true,
                List.of(), d.publishCidrs(), d.viewerRules(), d.viewerDefault(), d.mediaVault()));

        assertThat(fx.nodes.changesSince(loaded).changed()).singleElement()
                .satisfies(rules -> assertThat(rules.lowLatency()).isTrue());
    }

    @Test
    void deletionFinishesOnceEveryLiveNodeHasLoadedItAndFreesTheName() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "purge");
        fx.nodes.heartbeat(new Heartbeat("node-eu1", "eu1", fx.nodes.currentVersion(), null, Map.of()));
        fx.slots.delete(ACME_ADMIN, slot.id());
        assertThat(fx.slots.get(ACME_ADMIN, slot.id()).status()).isEqualTo(ProvisioningStatus.DELETING);

        fx.nodes.heartbeat(new Heartbeat("node-eu1", "eu1", fx.nodes.currentVersion(), null, Map.of()));

        assertThat(fx.slotList.isNameAvailable(ACME_ADMIN, "acme", "purge")).isTrue();
        assertThat(fx.create(ACME_ADMIN, "acme", "purge").id()).isNotEqualTo(slot.id());
    }

    private static SlotDraft withPop(SlotDraft d, long popId) {
        return new SlotDraft(d.name(), d.description(), d.type(), Region.NORTH_AMERICA, popId,
                null, false, d.totalKbps(), d.segmentDurationMs(), d.fileExpirySeconds(), false, d.credentials(),
                d.publishCidrs(), d.viewerRules(), d.viewerDefault(), d.mediaVault());
    }
}
