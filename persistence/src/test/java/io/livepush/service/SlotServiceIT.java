package io.livepush.service;

import static io.livepush.service.ServiceFixture.ACME_ADMIN;
import static io.livepush.service.ServiceFixture.GLOBEX_ADMIN;
import static io.livepush.service.ServiceFixture.OPERATOR;
import static io.livepush.service.ServiceFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.domain.ProvisioningStatus;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.net.AddressRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SlotServiceIT extends ServiceIT {

    @Test
    void createdSlotHasEverySettingAndNoSecret() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "Cam-1");

        assertThat(slot.id()).matches("[0-9a-f]{32}");
        assertThat(slot.name()).isEqualTo("Cam-1");
        assertThat(slot.shortname()).isEqualTo("acme");
        assertThat(slot.type()).isEqualTo(SlotType.LIVE_PUSH);
        assertThat(slot.region()).isEqualTo(Region.EUROPE);
        assertThat(slot.totalKbps()).isEqualTo(3000);
        assertThat(slot.credentials()).extracting(CredentialRecord::username).containsExactly("encoder1");
        assertThat(slot.publishCidrs()).containsExactly("192.0.2.0/24");
        assertThat(slot.viewerRules()).containsExactly(new ViewerRule(AddressRule.Action.DENY, "198.51.100.7/32"));
        assertThat(slot.mediaVault().mode()).isEqualTo(MediaVaultMode.URL);
        assertThat(slot.mediaVault().primarySecretSet()).isTrue();
        assertThat(slot.toString()).doesNotContain("primarySecret1").doesNotContain(PASSWORD);
        assertThat(slot.status()).isEqualTo(ProvisioningStatus.LIVE_EVENT_PROVISIONING);
        assertThat(slot.primaryIngestUrl()).isEqualTo("https://eu1.example.com/live/push/acme/Cam-1/");
        assertThat(slot.playbackHttpUrl()).contains("http://play-eu1.example.com/live/play/acme/Cam-1/");
        assertThat(slot.playbackHttpsUrl()).contains("https://play-eu1.example.com/live/play/acme/Cam-1/");
        assertThat(fx.slots.get(ACME_ADMIN, slot.id())).isEqualTo(slot);
    }

    @Test
    void slotNamesAreUniquePerAccountWithoutRegardToCase() {
        fx.create(ACME_ADMIN, "acme", "dup-name");

        assertThatThrownBy(() -> fx.create(ACME_ADMIN, "acme", "DUP-Name"))
                .isInstanceOf(SlotNameTakenException.class).hasMessageContaining("DUP-Name");
        assertThat(fx.create(GLOBEX_ADMIN, "globex", "dup-name").shortname()).isEqualTo("globex");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        SlotDraft good = fx.draft("bad-input");
        SlotDraft bad = new SlotDraft("-bad name", "x".repeat(256), SlotType.LIVE_PUSH, Region.EUROPE,
                fx.naPop.id(), null, false, 99, 499, 9, false, List.of(new NewCredential("enc oder", "short")),
                List.of("10.0.0.1/8", "999.1.1.1"), List.of(new ViewerRule(null, "::1")), AddressRule.Action.DENY,
                new MediaVaultInput(MediaVaultMode.URL, null, "second1234", 200, false, "token=", "~", false, 0));

        assertThatThrownBy(() -> fx.slots.create(ACME_ADMIN, "acme", bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("name", "credentials[0].username", "credentials[0].password"));
        SlotDraft badSettings = new SlotDraft("bad-settings", "x".repeat(256), SlotType.LIVE_PUSH, Region.EUROPE,
                fx.naPop.id(), null, false, 99, 499, 9, false, good.credentials(), List.of("10.0.0.1/8", "999.1.1.1"),
                List.of(new ViewerRule(null, "::1")), AddressRule.Action.DENY,
                new MediaVaultInput(MediaVaultMode.URL, null, "second1234", 200, false, "token=", "~", false, 0));
        assertThatThrownBy(() -> fx.slots.create(ACME_ADMIN, "acme", badSettings))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors()).containsKeys("description", "primaryPopId", "totalKbps",
                            "segmentDurationMs", "fileExpirySeconds", "publishCidrs[0]", "publishCidrs[1]",
                            "viewerRules[0].action", "mediaVault.primarySecret", "mediaVault.denyStatus");
                    assertThat(e.fieldErrors().get("publishCidrs[0]")).contains("host bits");
                    assertThat(e.getMessage()).doesNotContain("second1234");
                });
        assertThat(fx.slotList.isNameAvailable(ACME_ADMIN, "acme", "bad-settings")).isTrue();
    }

    @Test
    void weakPasswordIsRefused() {
        SlotDraft good = fx.draft("weak-password");
        SlotDraft weak = new SlotDraft(good.name(), null, SlotType.LIVE_PUSH, Region.EUROPE, fx.euPop.id(), null,
                false, 3000, 6000, 300, false, List.of(new NewCredential("encoder1", "encoder1-pass")), List.of(),
                List.of(), null, null);

        assertThatThrownBy(() -> fx.slots.create(ACME_ADMIN, "acme", weak))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("credentials[0].password", "The password must not contain the user name"));
    }

    @Test
    void otherSlotTypesAreNotRunHere() {
        SlotDraft good = fx.draft("transmux");
        SlotDraft transmux = new SlotDraft(good.name(), null, SlotType.TRANSMUX, Region.EUROPE, fx.euPop.id(), null,
                false, 3000, 6000, 300, false, good.credentials(), List.of(), List.of(), null, null);

        assertThatThrownBy(() -> fx.slots.create(ACME_ADMIN, "acme", transmux))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("type"))
                        .contains("does not run Transmux slots"));
    }

    @Test
    void backupPopMustDifferFromPrimaryAndIsNeededWhenBackupIngestIsOn() {
        SlotDraft good = fx.draft("backup");
        SlotDraft same = new SlotDraft(good.name(), null, SlotType.LIVE_PUSH, Region.EUROPE, fx.euPop.id(),
                fx.euPop.id(), true, 3000, 6000, 300, false, good.credentials(), List.of(), List.of(), null, null);
        SlotDraft missing = new SlotDraft(good.name(), null, SlotType.LIVE_PUSH, Region.EUROPE, fx.euPop.id(),
                null, true, 3000, 6000, 300, false, good.credentials(), List.of(), List.of(), null, null);
        SlotDraft withBackup = new SlotDraft(good.name(), null, SlotType.LIVE_PUSH, Region.EUROPE, fx.euPop.id(),
                fx.euBackupPop.id(), true, 3000, 6000, 300, false, good.credentials(), List.of(), List.of(), null,
                null);

        assertThatThrownBy(() -> fx.slots.create(ACME_ADMIN, "acme", same))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("backupPopId"));
        assertThatThrownBy(() -> fx.slots.create(ACME_ADMIN, "acme", missing))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("backupPopId"));
        SlotRecord slot = fx.slots.create(ACME_ADMIN, "acme", withBackup);
        assertThat(slot.backupIngestUrl()).contains("https://eu2.example.com/live/push/acme/backup/");
    }

    @Test
    void editChangesSettingsKeepsSecretsAndRecordsHistoryWithoutSecrets() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "edit-me");
        SlotDraft good = fx.draft("ignored-on-edit");
        SlotDraft edit = new SlotDraft("ignored", "New text", SlotType.TRANSMUX, Region.EUROPE, fx.euPop.id(), null,
                false, 4500, 2000, 60, true, List.of(), List.of("2001:db8::/32"), List.of(), AddressRule.Action.DENY,
                new MediaVaultInput(MediaVaultMode.COOKIE, null, "rotated2secret", 400, false, "token=", "~", false,
                        5));
        fx.clock.advance(Duration.ofSeconds(10));

        SlotRecord edited = fx.slots.update(ACME_ADMIN, slot.id(), edit);

        assertThat(edited.name()).isEqualTo("edit-me");
        assertThat(edited.type()).isEqualTo(SlotType.LIVE_PUSH);
        assertThat(edited.totalKbps()).isEqualTo(4500);
        assertThat(slot.lowLatency()).isFalse();
        assertThat(edited.lowLatency()).isTrue();
        assertThat(edited.publishCidrs()).containsExactly("2001:db8::/32");
        assertThat(edited.viewerDefault()).isEqualTo(AddressRule.Action.DENY);
        assertThat(edited.mediaVault().primarySecretSet()).isTrue();
        assertThat(edited.mediaVault().secondarySecretSet()).isTrue();
        assertThat(edited.credentials()).hasSize(1);
        assertThat(edited.updatedAt()).isAfter(slot.updatedAt());
        List<AuditEntry> history = fx.slots.history(ACME_ADMIN, slot.id());
        assertThat(history).extracting(AuditEntry::action).containsExactly("updated", "created");
        assertThat(history.get(0).actor()).isEqualTo("alice");
        assertThat(history.get(0).changes()).contains("totalKbps: 3000 → 4500").contains("lowLatency: false → true")
                .contains("mediaVault.secondarySecret: set").doesNotContain("rotated2secret");
        assertThat(history.get(1).changes()).doesNotContain("primarySecret1").doesNotContain(PASSWORD);
        assertThat(good.name()).isNotEqualTo(edited.name());
    }

    @Test
    void emptySecretOnEditRemovesIt() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "remove-secret");
        SlotDraft off = new SlotDraft(null, null, null, Region.EUROPE, fx.euPop.id(), null, false, 3000, 6000, 300,
                false, List.of(), List.of(), List.of(), null, new MediaVaultInput(MediaVaultMode.NONE, "", "", 400, false,
                "token=", "~", false, 0));

        SlotRecord edited = fx.slots.update(ACME_ADMIN, slot.id(), off);

        assertThat(edited.mediaVault().primarySecretSet()).isFalse();
        assertThat(fx.slots.history(ACME_ADMIN, slot.id()).get(0).changes())
                .contains("mediaVault.primarySecret: removed");
    }

    @Test
    void cloneCopiesSettingsButNotNameIdOrPasswords() {
        SlotRecord source = fx.create(ACME_ADMIN, "acme", "clone-source");

        SlotRecord clone = fx.slots.clone(ACME_ADMIN, source.id(), "clone-copy",
                List.of(new NewCredential("encoder1", "another-good-password")));

        assertThat(clone.id()).isNotEqualTo(source.id());
        assertThat(clone.name()).isEqualTo("clone-copy");
        assertThat(clone.publishCidrs()).isEqualTo(source.publishCidrs());
        assertThat(clone.viewerRules()).isEqualTo(source.viewerRules());
        assertThat(clone.mediaVault()).isEqualTo(source.mediaVault());
        assertThat(clone.totalKbps()).isEqualTo(source.totalKbps());
        Map<String, SlotRules> rules = rulesById();
        String sourceHash = rules.get(source.id()).credentialHashes().get("encoder1");
        String cloneHash = rules.get(clone.id()).credentialHashes().get("encoder1");
        assertThat(fx.hasher.verify(PASSWORD.toCharArray(), sourceHash)).isTrue();
        assertThat(fx.hasher.verify(PASSWORD.toCharArray(), cloneHash)).isFalse();
        assertThat(fx.hasher.verify("another-good-password".toCharArray(), cloneHash)).isTrue();
        assertThat(rules.get(clone.id()).mediaVault()).isEqualTo(rules.get(source.id()).mediaVault());
        assertThat(fx.slots.history(ACME_ADMIN, clone.id()).get(0).action()).isEqualTo("cloned from clone-source");
    }

    @Test
    void anEditWithCredentialChangesIsAllOrNothing() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "atomic-edit");
        SlotDraft d = fx.draft("atomic-edit");
        SlotDraft bigger = new SlotDraft(null, null, null, d.region(), d.primaryPopId(), null, false, 7000, 6000, 300,
                false,
                List.of(), d.publishCidrs(), d.viewerRules(), null, null);

        assertThatThrownBy(() -> fx.slots.update(ACME_ADMIN, slot.id(), bigger, new CredentialChanges(false,
                List.of("no-such-user"), List.of(new NewCredential("second", "another-good-password")))))
                .isInstanceOf(NotFoundException.class);
        SlotRecord unchanged = fx.slots.get(ACME_ADMIN, slot.id());
        assertThat(unchanged.totalKbps()).isEqualTo(3000);
        assertThat(unchanged.credentials()).extracting(CredentialRecord::username).containsExactly("encoder1");

        SlotRecord edited = fx.slots.update(ACME_ADMIN, slot.id(), bigger, new CredentialChanges(true, List.of(),
                List.of(new NewCredential("second", "another-good-password"))));
        assertThat(edited.totalKbps()).isEqualTo(7000);
        assertThat(edited.credentials()).extracting(CredentialRecord::username).containsExactly("second");
        assertThat(fx.slots.history(ACME_ADMIN, slot.id())).extracting(AuditEntry::action)
                .containsExactly("credential added", "credentials cleared", "updated", "created");
    }

    @Test
    void aCloneCanChangeSettingsAndKeepsTheSourcesSecretsWhenLeftBlank() {
        SlotRecord source = fx.create(ACME_ADMIN, "acme", "clone-edit-source");
        SlotDraft d = fx.draft("clone-edited");
        SlotDraft edited = new SlotDraft("clone-edited", "Copy", null, d.region(), d.primaryPopId(), null, false, 2500,
                2000, 60, false, List.of(new NewCredential("encoder1", "another-good-password")), List.of(), List.of(),
                null,
                new MediaVaultInput(MediaVaultMode.URL, null, null, 403, false, "token=", "~", false, 0));

        SlotRecord clone = fx.slots.clone(ACME_ADMIN, source.id(), edited);

        assertThat(clone.totalKbps()).isEqualTo(2500);
        assertThat(clone.publishCidrs()).isEmpty();
        assertThat(rulesById().get(clone.id()).mediaVault()).isEqualTo(rulesById().get(source.id()).mediaVault());
        assertThatThrownBy(() -> fx.slots.clone(ACME_ADMIN, source.id(), new SlotDraft("clone-bad", null, null,
                d.region(), d.primaryPopId(), null, false, 99, 2000, 60, false, edited.credentials(), List.of(),
                List.of(),
                null, null))).isInstanceOf(InvalidInputException.class);
        assertThat(fx.slotList.isNameAvailable(ACME_ADMIN, "acme", "clone-bad")).isTrue();
    }

    @Test
    void cloneNeedsAFreeName() {
        SlotRecord source = fx.create(ACME_ADMIN, "acme", "clone-taken");

        assertThatThrownBy(() -> fx.slots.clone(ACME_ADMIN, source.id(), "CLONE-taken",
                List.of(new NewCredential("encoder1", PASSWORD))))
                .isInstanceOf(SlotNameTakenException.class);
        assertThat(fx.slotList.isNameAvailable(ACME_ADMIN, "acme", "Clone-Taken")).isFalse();
    }

    @Test
    void credentialsCanBeAddedRemovedAndCleared() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "creds");

        SlotRecord added = fx.slots.addCredential(ACME_ADMIN, slot.id(),
                new NewCredential("backup.encoder", "yet-another-password"));
        assertThat(added.credentials()).extracting(CredentialRecord::username)
                .containsExactly("backup.encoder", "encoder1");
        assertThatThrownBy(() -> fx.slots.addCredential(ACME_ADMIN, slot.id(),
                new NewCredential("encoder1", "yet-another-password"))).isInstanceOf(ConflictException.class);
        assertThat(fx.slots.removeCredential(ACME_ADMIN, slot.id(), "encoder1").credentials())
                .extracting(CredentialRecord::username).containsExactly("backup.encoder");
        assertThatThrownBy(() -> fx.slots.removeCredential(ACME_ADMIN, slot.id(), "encoder1"))
                .isInstanceOf(NotFoundException.class);
        assertThat(fx.slots.clearCredentials(ACME_ADMIN, slot.id()).credentials()).isEmpty();
        assertThat(rulesById().get(slot.id()).credentialHashes()).isEmpty();
        assertThat(fx.slots.history(ACME_ADMIN, slot.id())).extracting(AuditEntry::action).containsExactly(
                "credentials cleared", "credential removed", "credential added", "created");
    }

    @Test
    void deleteMovesToDeletingAndTakesTheSlotOffTheList() {
        SlotRecord slot = fx.create(ACME_ADMIN, "acme", "delete-me");

        fx.slots.delete(ACME_ADMIN, slot.id());

        assertThat(fx.slots.get(ACME_ADMIN, slot.id()).status()).isEqualTo(ProvisioningStatus.DELETING);
        assertThat(fx.slotList.list(ACME_ADMIN, "acme", SlotQuery.firstPage(500)).items())
                .extracting(SlotSummary::id).doesNotContain(slot.id());
        assertThat(rulesById().get(slot.id()).isActive()).isFalse();
        assertThatThrownBy(() -> fx.create(ACME_ADMIN, "acme", "delete-me"))
                .isInstanceOf(SlotNameTakenException.class);
    }

    @Test
    void anAccountAdminCannotReadOrChangeAnotherAccountsSlots() {
        SlotRecord acme = fx.create(ACME_ADMIN, "acme", "private");
        SlotDraft draft = fx.draft("private");

        assertThatThrownBy(() -> fx.slots.get(GLOBEX_ADMIN, acme.id())).isInstanceOf(NoSuchSlotException.class);
        assertThatThrownBy(() -> fx.slots.find(GLOBEX_ADMIN, "acme", "private"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.slots.update(GLOBEX_ADMIN, acme.id(), draft))
                .isInstanceOf(NoSuchSlotException.class);
        assertThatThrownBy(() -> fx.slots.delete(GLOBEX_ADMIN, acme.id())).isInstanceOf(NoSuchSlotException.class);
        assertThatThrownBy(() -> fx.slots.clone(GLOBEX_ADMIN, acme.id(), "stolen", draft.credentials()))
                .isInstanceOf(NoSuchSlotException.class);
        assertThatThrownBy(() -> fx.slots.clearCredentials(GLOBEX_ADMIN, acme.id()))
                .isInstanceOf(NoSuchSlotException.class);
        assertThatThrownBy(() -> fx.slots.history(GLOBEX_ADMIN, acme.id())).isInstanceOf(NoSuchSlotException.class);
        assertThatThrownBy(() -> fx.slots.create(GLOBEX_ADMIN, "acme", fx.draft("planted")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.slotList.list(GLOBEX_ADMIN, "acme", SlotQuery.firstPage(10)))
                .isInstanceOf(NotFoundException.class);
        assertThat(fx.slots.get(ACME_ADMIN, acme.id()).credentials()).hasSize(1);
        assertThat(fx.slots.get(OPERATOR, acme.id()).name()).isEqualTo("private");
    }

    private Map<String, SlotRules> rulesById() {
        return fx.nodes.changesSince(0).changed().stream()
                .collect(Collectors.toMap(SlotRules::slotId, rules -> rules));
    }
}
