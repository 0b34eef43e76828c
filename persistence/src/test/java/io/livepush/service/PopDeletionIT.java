package io.livepush.service;

import static io.livepush.service.ServiceFixture.ACME_ADMIN;
import static io.livepush.service.ServiceFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.domain.ProvisioningStatus;
import io.livepush.domain.Region;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PopDeletionIT extends ServiceIT {

    @Test
    void aPopUsedOnlyByDeletedSlotsCanBeDeleted() {
        PopRecord pop = fx.pops.create(OPERATOR, new PopDraft("eu9", Region.EUROPE, "https://eu9.example.com/live",
                "http://play-eu9.example.com/live"));
        SlotDraft draft = fx.draft("on-eu9");
        SlotRecord slot = fx.slots.create(ACME_ADMIN, "acme", new SlotDraft(draft.name(), draft.description(),
                draft.type(), draft.region(), pop.id(), fx.euPop.id(), true, draft.totalKbps(),
                draft.segmentDurationMs(), draft.fileExpirySeconds(), false, draft.credentials(), draft.publishCidrs(),
                draft.viewerRules(), draft.viewerDefault(), draft.mediaVault()));
        assertThatThrownBy(() -> fx.pops.delete(OPERATOR, pop.id())).as("used by a slot")
                .isInstanceOf(ConflictException.class);

        fx.slots.delete(ACME_ADMIN, slot.id());
        assertThat(fx.slots.get(ACME_ADMIN, slot.id()).status()).isEqualTo(ProvisioningStatus.DELETING);
        assertThatThrownBy(() -> fx.pops.delete(OPERATOR, pop.id())).as("used by a slot being deleted")
                .isInstanceOf(ConflictException.class);

        // The node of the backup PoP loads the deletion: the slot becomes a tombstone.
        fx.nodes.heartbeat(new Heartbeat("node-eu1", "eu1", fx.nodes.currentVersion(), null, Map.of()));
        fx.clock.advance(ProvisioningTimeouts.STANDARD.provisioning());
        fx.nodes.heartbeat(new Heartbeat("node-eu1", "eu1", fx.nodes.currentVersion(), null, Map.of()));
        assertThatThrownBy(() -> fx.slots.get(ACME_ADMIN, slot.id())).isInstanceOf(NotFoundException.class);

        fx.pops.delete(OPERATOR, pop.id());

        assertThat(fx.pops.list()).extracting(PopRecord::name).doesNotContain("eu9");
        assertThat(fx.nodes.changesSince(0).changed()).extracting(SlotRules::slotId).doesNotContain(slot.id());
    }
}
