package io.livepush.service;

import static io.livepush.service.ServiceFixture.ACME_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.domain.ProvisioningStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Services while the database is away ({@link io.livepush.testing.SwitchableDataSource} switched off) and after. */
class DatabaseOutageIT extends ServiceIT {

    @AfterEach
    void databaseBack() {
        fx.dataSource.switchOn();
    }

    @Test
    void everyServiceAnswersDatabaseUnavailableWhileTheDatabaseIsAway() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "outage-read");
        fx.dataSource.switchOff();

        assertThatThrownBy(() -> fx.slots.get(ACME_ADMIN, slot.id()))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("The database is not reachable; try again in a moment");
        assertThatThrownBy(() -> fx.pops.list()).isInstanceOf(DatabaseUnavailableException.class);
        assertThatThrownBy(() -> fx.nodes.heartbeat(new Heartbeat("node-x", "eu1", 1, null, Map.of())))
                .isInstanceOf(DatabaseUnavailableException.class);

        fx.dataSource.switchOn();
        assertThat(fx.slots.get(ACME_ADMIN, slot.id()).name()).isEqualTo("outage-read");
    }

    @Test
    void slotsWhoseNodesWereAliveAreNotNotProvisionedWhenTheDatabaseReturns() {
        SlotRecord slot = fx.slots.create(ACME_ADMIN, "acme", fx.draft("outage-status"));
        fx.clock.advance(ProvisioningTimeouts.STANDARD.provisioning().plusMinutes(1));
        fx.nodes.heartbeat(new Heartbeat("node-eu1", "eu1", fx.nodes.currentVersion(), null, Map.of()));
        assertThat(fx.slots.get(ACME_ADMIN, slot.id()).status()).isEqualTo(ProvisioningStatus.PUBLISHED);

        fx.clock.advance(Duration.ofSeconds(5));
        fx.dataSource.switchOff();
        assertThatThrownBy(() -> fx.slots.get(ACME_ADMIN, slot.id()))
                .isInstanceOf(DatabaseUnavailableException.class);
        fx.clock.advance(Duration.ofMinutes(3));
        fx.dataSource.switchOn();

        // The node could not beat for three minutes; before its next beat the slot stays as it was.
        assertThat(fx.slots.get(ACME_ADMIN, slot.id()).status()).isEqualTo(ProvisioningStatus.PUBLISHED);
        assertThat(fx.slotList.list(ACME_ADMIN, "acme", SlotQuery.firstPage(SlotQuery.MAX_LIMIT)).items())
                .filteredOn(summary -> summary.id().equals(slot.id()))
                .singleElement().extracting(SlotSummary::status).isEqualTo(ProvisioningStatus.PUBLISHED);

        // A heartbeat round later a node that still has not beaten is dead.
        fx.clock.advance(ProvisioningTimeouts.STANDARD.nodeSilence().plusSeconds(1));
        SlotRecord later = fx.slots.get(ACME_ADMIN, slot.id());
        assertThat(later.status()).isEqualTo(ProvisioningStatus.NOT_PROVISIONED);
        assertThat(later.statusReason()).contains("PoP 'eu1'");
    }
}
