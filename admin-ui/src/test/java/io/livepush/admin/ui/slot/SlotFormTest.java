package io.livepush.admin.ui.slot;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.Region;
import io.livepush.net.AddressRule;
import io.livepush.service.NewCredential;
import io.livepush.service.PopRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Create / Clone / Edit form, constructed directly: set fields, click, check events and messages. */
class SlotFormTest {

    private static final PopRecord EU1 = new PopRecord(1, "eu1", Region.EUROPE, "https://eu1.example.com/live",
            "http://play-eu1.example.com/live");
    private static final PopRecord EU2 = new PopRecord(2, "eu2", Region.EUROPE, "https://eu2.example.com/live",
            "http://play-eu2.example.com/live");
    private static final PopRecord NA1 = new PopRecord(3, "na1", Region.NORTH_AMERICA, "https://na1.example.com/live",
            "http://play-na1.example.com/live");
    private static final String PASSWORD = "correct-horse-battery";

    private final List<SlotFormResult> saved = new ArrayList<>();

    private SlotForm form(SlotForm.Mode mode, SlotFormModel model, List<String> stored) {
        SlotForm form = new SlotForm(mode, List.of(EU1, EU2, NA1), name -> !Set.of("taken", "cam1").contains(
                name.toLowerCase(java.util.Locale.ROOT)), model, stored);
        form.addSaveListener(event -> saved.add(event.result()));
        return form;
    }

    private SlotForm filledCreateForm() {
        SlotForm form = form(SlotForm.Mode.CREATE, new SlotFormModel(), List.of());
        form.name.setValue("cam2");
        form.region.setValue(Region.EUROPE);
        form.primaryPop.setValue(EU1);
        form.totalKbps.setValue(2500);
        addCredential(form, "encoder1", PASSWORD, PASSWORD);
        return form;
    }

    private static void addCredential(SlotForm form, String user, String password, String confirm) {
        form.credentials.username.setValue(user);
        form.credentials.password.setValue(password);
        form.credentials.confirmPassword.setValue(confirm);
        form.credentials.addCredential.click();
    }

    @Test
    void validCreateFiresSaveWithTheDraftAndCredentials() {
        SlotForm form = filledCreateForm();
        form.publishCidrs.setValue("192.0.2.0/24\n2001:db8::/32");
        form.viewerRules.setValue("deny 198.51.100.7\nallow 10.0.0.0/8");
        form.submit.click();
        assertThat(saved).hasSize(1);
        var draft = saved.get(0).draft();
        assertThat(draft.name()).isEqualTo("cam2");
        assertThat(draft.primaryPopId()).isEqualTo(1L);
        assertThat(draft.totalKbps()).isEqualTo(2500);
        assertThat(draft.segmentDurationMs()).isEqualTo(6000);
        assertThat(draft.fileExpirySeconds()).isEqualTo(300);
        assertThat(draft.credentials()).containsExactly(new NewCredential("encoder1", PASSWORD));
        assertThat(draft.publishCidrs()).containsExactly("192.0.2.0/24", "2001:db8::/32");
        assertThat(draft.viewerRules()).extracting(rule -> rule.action()).containsExactly(AddressRule.Action.DENY,
                AddressRule.Action.ALLOW);
    }

    @Test
    void lowLatencyIsOffUnlessTickedAndAnEditShowsTheStoredSetting() {
        SlotForm create = filledCreateForm();
        assertThat(create.lowLatency.getValue()).isFalse();
        create.lowLatency.setValue(true);
        create.submit.click();
        SlotFormModel stored = new SlotFormModel();
        stored.setName("cam2");
        stored.setRegion(Region.EUROPE);
        stored.setPrimaryPop(EU1);
        stored.setLowLatency(true);
        SlotForm edit = form(SlotForm.Mode.EDIT, stored, List.of("encoder1"));
        edit.lowLatency.setValue(false);
        edit.submit.click();

        assertThat(saved).extracting(result -> result.draft().lowLatency()).containsExactly(true, false);
    }

    @Test
    void bitrateOutOfRangeIsShownBesideTheFieldAndNothingIsSaved() {
        SlotForm form = filledCreateForm();
        form.totalKbps.setValue(50);
        form.submit.click();
        assertThat(saved).isEmpty();
        assertThat(form.totalKbps.isInvalid()).isTrue();
        assertThat(form.totalKbps.getErrorMessage()).contains("between 100 and 100000");
    }

    @Test
    void takenNameIsFlaggedWhileTyping() {
        SlotForm form = form(SlotForm.Mode.CREATE, new SlotFormModel(), List.of());
        form.name.setValue("Taken");
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).contains("already taken");
        form.name.setValue("fresh");
        assertThat(form.name.isInvalid()).isFalse();
    }

    @Test
    void badNameIsRefusedWithTheRule() {
        SlotForm form = form(SlotForm.Mode.CREATE, new SlotFormModel(), List.of());
        form.name.setValue("-cam");
        assertThat(form.name.getErrorMessage()).contains("must not start or end with '-'");
        form.name.setValue("cam 1");
        assertThat(form.name.getErrorMessage()).contains("only letters, digits and '-'");
    }

    @Test
    void cloneWarnsAboutTheSourceNameAtOnceAndNeedsPasswordsAgain() {
        SlotFormModel model = new SlotFormModel();
        model.setName("cam1");
        model.setRegion(Region.EUROPE);
        model.setPrimaryPop(EU1);
        SlotForm form = form(SlotForm.Mode.CLONE, model, List.of("encoder1"));
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).contains("'cam1' is already taken");
        form.name.setValue("cam3");
        form.submit.click();
        assertThat(saved).isEmpty();
        assertThat(form.formError.getText()).contains("Type the password again");
        addCredential(form, "encoder1", PASSWORD, PASSWORD);
        form.submit.click();
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).draft().credentials()).containsExactly(new NewCredential("encoder1", PASSWORD));
    }

    @Test
    void mismatchedConfirmationIsRefused() {
        SlotForm form = form(SlotForm.Mode.CREATE, new SlotFormModel(), List.of());
        addCredential(form, "encoder1", PASSWORD, PASSWORD + "x");
        assertThat(form.credentials.confirmPassword.isInvalid()).isTrue();
        assertThat(form.credentials.confirmPassword.getErrorMessage()).isEqualTo("The passwords do not match");
        assertThat(form.credentials.credentialGrid.getGenericDataView().getItems()).isEmpty();
    }

    @Test
    void weakPasswordIsRefusedBesideThePasswordField() {
        SlotForm form = form(SlotForm.Mode.CREATE, new SlotFormModel(), List.of());
        addCredential(form, "encoder1", "short", "short");
        assertThat(form.credentials.password.getErrorMessage()).contains("at least 12 characters");
    }

    @Test
    void createWithoutCredentialsIsRefused() {
        SlotForm form = form(SlotForm.Mode.CREATE, new SlotFormModel(), List.of());
        form.name.setValue("cam2");
        form.region.setValue(Region.EUROPE);
        form.primaryPop.setValue(EU1);
        form.submit.click();
        assertThat(saved).isEmpty();
        assertThat(form.formError.getText()).contains("At least one publish credential");
    }

    @Test
    void backupPopMustBeChosenAndDifferFromThePrimary() {
        SlotForm form = filledCreateForm();
        form.useBackupIngest.setValue(true);
        form.submit.click();
        assertThat(form.backupPop.getErrorMessage()).contains("Choose a backup PoP");
        form.backupPop.setValue(EU1);
        form.submit.click();
        assertThat(form.backupPop.getErrorMessage()).contains("must differ");
        form.backupPop.setValue(EU2);
        form.submit.click();
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).draft().backupPopId()).isEqualTo(2L);
    }

    @Test
    void regionNarrowsThePrimaryPopChoices() {
        SlotForm form = form(SlotForm.Mode.CREATE, new SlotFormModel(), List.of());
        assertThat(form.primaryPop.isEnabled()).isFalse();
        form.region.setValue(Region.NORTH_AMERICA);
        assertThat(form.primaryPop.getGenericDataView().getItems()).containsExactly(NA1);
        assertThat(form.primaryPop.getValue()).isEqualTo(NA1);
    }

    @Test
    void badCidrIsShownBesideTheField() {
        SlotForm form = filledCreateForm();
        form.publishCidrs.setValue("10.0.0.1/8");
        form.submit.click();
        assertThat(saved).isEmpty();
        assertThat(form.publishCidrs.getErrorMessage()).contains("10.0.0.1/8");
    }

    @Test
    void editClearAllWarnsAndReportsTheClear() {
        SlotFormModel model = new SlotFormModel();
        model.setName("cam1");
        model.setRegion(Region.EUROPE);
        model.setPrimaryPop(EU1);
        SlotForm form = form(SlotForm.Mode.EDIT, model, List.of("encoder1", "encoder2"));
        assertThat(form.name.isReadOnly()).isTrue();
        form.credentials.clearCredentials.click();
        assertThat(form.credentials.credentialsMessage.getText()).contains("refuses every push");
        addCredential(form, "encoder9", PASSWORD, PASSWORD);
        form.submit.click();
        assertThat(saved).hasSize(1);
        SlotFormResult result = saved.get(0);
        assertThat(result.clearAll()).isTrue();
        assertThat(result.addedCredentials()).containsExactly(new NewCredential("encoder9", PASSWORD));
        assertThat(result.draft().credentials()).isEmpty();
    }

    @Test
    void editRemovesOneStoredCredential() {
        SlotFormModel model = new SlotFormModel();
        model.setRegion(Region.EUROPE);
        model.setPrimaryPop(EU1);
        SlotForm form = form(SlotForm.Mode.EDIT, model, List.of("encoder1", "encoder2"));
        CredentialRow first = form.credentials.credentialGrid.getGenericDataView().getItems().findFirst().orElseThrow();
        form.credentials.remove(first);
        form.submit.click();
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).removedUsernames()).containsExactly("encoder1");
        assertThat(saved.get(0).clearAll()).isFalse();
    }

    @Test
    void serverProblemsAppearBesideTheirFields() {
        SlotForm form = filledCreateForm();
        form.showProblems(Map.of("totalKbps", "Only 1000 kbps are left", "publishCidrs[1]", "'x' is not a block",
                "mediaVault.primarySecret", "A secret is required"));
        assertThat(form.totalKbps.getErrorMessage()).isEqualTo("Only 1000 kbps are left");
        assertThat(form.publishCidrs.getErrorMessage()).isEqualTo("'x' is not a block");
        assertThat(form.formError.getText()).contains("A secret is required");
        assertThat(form.name.getValue()).isEqualTo("cam2");
    }
}
