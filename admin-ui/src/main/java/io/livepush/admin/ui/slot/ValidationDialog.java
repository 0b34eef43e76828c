package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.net.AddressRule;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.MediaVaultView;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configure Validation (guide "View Slot Details"): MediaVault mode, secrets, deny status and path-based tokens, and
 * the viewer allow/deny rules with their default action. Stored secrets are never shown: an empty secret field keeps
 * the stored secret, and "Remove" removes it.
 */
class ValidationDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private static final Pattern VIEWER_RULE_KEY = Pattern.compile("viewerRules\\[(\\d{1,4})]");

    final Select<MediaVaultMode> mode = new Select<>();
    final PasswordField primarySecret = new PasswordField("Primary secret");
    final Checkbox removeSecondary = new Checkbox("Remove secondary secret");
    final PasswordField secondarySecret = new PasswordField("Secondary secret");
    final IntegerField denyStatus = new IntegerField("Deny status");
    final Checkbox pathBased = new Checkbox("Path-based tokens");
    final TextField pathToken = new TextField("Path token marker");
    final TextField pathDelim = new TextField("Path delimiter");
    final IntegerField clockSkew = new IntegerField("Clock skew (seconds)");
    final TextArea viewerRules = new TextArea("Viewer IP access (allow/deny, first match wins)");
    final Select<AddressRule.Action> viewerDefault = new Select<>();
    final Span error = new Span();
    private final SlotRecord slot;

    ValidationDialog(SlotRecord slot, Consumer<SlotDraft> save) {
        this.slot = slot;
        setId("validation-dialog");
        setHeaderTitle("Configure Validation: " + slot.name());
        MediaVaultView vault = slot.mediaVault();
        mode.setLabel("MediaVault");
        mode.setId("mv-mode");
        mode.setItems(MediaVaultMode.values());
        mode.setValue(vault.mode());
        primarySecret.setId("mv-primary");
        primarySecret.setHelperText(vault.primarySecretSet() ? "Set; leave empty to keep it" : "Not set");
        secondarySecret.setHelperText(vault.secondarySecretSet() ? "Set; leave empty to keep it" : "Not set");
        denyStatus.setValue(vault.denyStatus());
        pathBased.setValue(vault.pathBased());
        pathToken.setValue(vault.pathToken());
        pathDelim.setValue(vault.pathDelim());
        clockSkew.setValue(vault.clockSkewSeconds());
        viewerRules.setId("mv-viewer-rules");
        viewerRules.setValue(String.join("\n", slot.viewerRules().stream().map(Formats::viewerRule).toList()));
        viewerDefault.setLabel("Viewers no rule matches");
        viewerDefault.setItems(AddressRule.Action.values());
        viewerDefault.setValue(slot.viewerDefault());
        error.addClassName("form-error");
        FormLayout form = new FormLayout(mode, denyStatus, primarySecret, secondarySecret, removeSecondary, pathBased,
                pathToken, pathDelim, clockSkew, viewerDefault, viewerRules);
        form.setColspan(viewerRules, 2);
        add(form, error);
        Button ok = new Button("Save", click -> submit(save));
        ok.setId("mv-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), ok);
        setWidth("760px");
    }

    private void submit(Consumer<SlotDraft> save) {
        String secondary = removeSecondary.getValue() ? "" : emptyToNull(secondarySecret.getValue());
        MediaVaultInput input = new MediaVaultInput(mode.getValue(), emptyToNull(primarySecret.getValue()), secondary,
                denyStatus.getValue() == null ? MediaVaultSettings.DEFAULT_DENY_STATUS : denyStatus.getValue(),
                pathBased.getValue(), pathToken.getValue(), pathDelim.getValue(), slot.mediaVault().strictReferrer(),
                clockSkew.getValue() == null ? 0 : clockSkew.getValue());
        SlotFormModel model = SlotFormModel.of(slot);
        model.setViewerRules(viewerRules.getValue());
        model.setViewerDefault(viewerDefault.getValue());
        save.accept(model.toDraft(java.util.List.of(), input));
    }

    /**
     * Shows the service's problems, naming fields as the dialog does: MediaVault fields arrive as {@code mediaVault.x},
     * viewer rules as {@code viewerRules[i]} (shown as the rule's line number).
     */
    void showProblems(Map<String, String> problems) {
        error.setText(String.join("; ", problems.entrySet().stream()
                .map(entry -> fieldLabel(entry.getKey()) + ": " + entry.getValue()).toList()));
    }

    static String fieldLabel(String key) {
        Matcher rule = VIEWER_RULE_KEY.matcher(key);
        if (rule.matches()) {
            return "Viewer rule " + (Integer.parseInt(rule.group(1)) + 1);
        }
        return key.replace("mediaVault.", "");
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
