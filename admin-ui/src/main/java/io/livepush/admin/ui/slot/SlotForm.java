package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import io.livepush.domain.Region;
import io.livepush.domain.SlotLimits;
import io.livepush.domain.SlotName;
import io.livepush.net.AddressRule;
import io.livepush.net.CidrBlock;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.NewCredential;
import io.livepush.service.PopRecord;
import io.livepush.service.ViewerRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Create / Clone / Edit form of the guide, with its four sections. Every rule of SPEC §3 is checked inline, the
 * name's availability while typing; a valid submit fires a {@link SaveEvent}. Refusals from the service are shown with
 * {@link #showProblems} and {@link #showError} while the form keeps what was typed.
 */
public class SlotForm extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    /** What the form is for. */
    public enum Mode { CREATE, CLONE, EDIT }

    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final Select<Region> region = new Select<>();
    final Select<PopRecord> primaryPop = new Select<>();
    final Checkbox useBackupIngest = new Checkbox("Use Backup Ingest");
    final Select<PopRecord> backupPop = new Select<>();
    final IntegerField totalKbps = new IntegerField("Total Ingest Bitrate (kbps)");
    final IntegerField segmentDurationMs = new IntegerField("Segment Duration (ms)");
    final IntegerField fileExpirySeconds = new IntegerField("File Expiry Time (seconds)");
    final Checkbox lowLatency = new Checkbox("Low latency");
    final TextArea publishCidrs = new TextArea("Publish IP Access");
    final TextArea viewerRules = new TextArea("Viewer IP Access (allow/deny rules, first match wins)");
    final Select<AddressRule.Action> viewerDefault = new Select<>();
    final Span formError = new Span();
    final Button submit = new Button("Submit");
    final Button cancel = new Button("Cancel");

    final CredentialsEditor credentials;
    private final Mode mode;
    private final List<PopRecord> pops;
    private final transient Predicate<String> nameAvailable;
    private final Binder<SlotFormModel> binder = new Binder<>();
    private final SlotFormModel model;
    private MediaVaultInput mediaVault = MediaVaultInput.disabled();

    /**
     * @param pops          every PoP; the region chosen narrows the primary choices
     * @param nameAvailable whether a valid name is still free in the account (create and clone)
     * @param model         the values to start with
     * @param stored        user names the slot (edit) or the source slot (clone) has
     */
    SlotForm(Mode mode, List<PopRecord> pops, Predicate<String> nameAvailable, SlotFormModel model,
            List<String> stored) {
        this.mode = mode;
        this.pops = List.copyOf(pops);
        this.nameAvailable = nameAvailable;
        this.model = model;
        this.credentials = new CredentialsEditor(mode, stored);
        addClassName("slot-form");
        setPadding(false);
        configureFields();
        bind();
        add(section("Live Push details", name, description),
                section("Ingest details", region, primaryPop, useBackupIngest, backupPop),
                section("Configuration details", totalKbps, segmentDurationMs, fileExpirySeconds, lowLatency),
                credentials,
                section("Security details", publishCidrs, viewerRules, viewerDefault),
                formError, buttons());
        binder.setBean(model);
        updatePopChoices();
        if (mode == Mode.CLONE) {
            // The guide: leaving the source's name in place warns at once.
            binder.validate();
        }
    }

    /** Uses these MediaVault settings in the draft (edit and clone keep the slot's; create starts disabled). */
    void setMediaVault(MediaVaultInput input) {
        this.mediaVault = input;
    }

    private void configureFields() {
        name.setId("slot-name");
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(SlotName.MAX_LENGTH);
        name.setHelperText("Letters, digits and '-'; at most 63 characters; cannot be changed later");
        name.setReadOnly(mode == Mode.EDIT);
        description.setId("slot-description");
        description.setMaxLength(SlotLimits.MAX_DESCRIPTION_LENGTH);
        region.setId("slot-region");
        region.setLabel("Choose ingest region");
        region.setItems(Region.values());
        region.setItemLabelGenerator(Region::displayName);
        region.addValueChangeListener(event -> updatePopChoices());
        primaryPop.setId("slot-primary-pop");
        primaryPop.setLabel("Primary PoP");
        primaryPop.setItemLabelGenerator(PopRecord::name);
        useBackupIngest.setId("slot-use-backup");
        useBackupIngest.addValueChangeListener(event -> backupPop.setEnabled(event.getValue()));
        backupPop.setId("slot-backup-pop");
        backupPop.setLabel("Backup PoP");
        backupPop.setItems(pops);
        backupPop.setItemLabelGenerator(pop -> pop.name() + " (" + pop.region().displayName() + ")");
        totalKbps.setId("slot-kbps");
        totalKbps.setHelperText(SlotLimits.MIN_KBPS + "–" + SlotLimits.MAX_KBPS + " kbps");
        segmentDurationMs.setId("slot-segment");
        segmentDurationMs.setHelperText("For HLS and DASH; " + SlotLimits.MIN_SEGMENT_MS + "–"
                + SlotLimits.MAX_SEGMENT_MS + " ms");
        fileExpirySeconds.setId("slot-expiry");
        fileExpirySeconds.setHelperText("How long segments stay; " + SlotLimits.MIN_EXPIRY_SECONDS + "–"
                + SlotLimits.MAX_EXPIRY_SECONDS + " seconds");
        lowLatency.setId("slot-low-latency");
        lowLatency.setHelperText("Players can fetch segments while they upload (LL-DASH) and get LL-HLS playlists;"
                + " a few seconds behind live instead of three segments");
        publishCidrs.setId("slot-publish-cidrs");
        publishCidrs.setHelperText("One address or CIDR block per line, e.g. 10.10.10.0/24; empty allows any address");
        viewerRules.setId("slot-viewer-rules");
        viewerRules.setHelperText("One rule per line, e.g. 'deny 198.51.100.0/24' or 'allow 2001:db8::/32'");
        viewerDefault.setId("slot-viewer-default");
        viewerDefault.setLabel("Viewers no rule matches");
        viewerDefault.setItems(AddressRule.Action.values());
        viewerDefault.setItemLabelGenerator(action -> action == AddressRule.Action.ALLOW ? "Allow" : "Deny");
        formError.setId("slot-form-error");
        formError.addClassName("form-error");
        formError.setVisible(false);
    }

    private void bind() {
        binder.forField(name).withValidator((value, context) -> nameProblem(value)
                        .map(ValidationResult::error).orElse(ValidationResult.ok()))
                .bind(SlotFormModel::getName, SlotFormModel::setName);
        binder.forField(description).withValidator(text -> SlotLimits.descriptionProblem(text).isEmpty(),
                "The description must be at most " + SlotLimits.MAX_DESCRIPTION_LENGTH + " characters long")
                .bind(SlotFormModel::getDescription, SlotFormModel::setDescription);
        binder.forField(region).asRequired("A region is required")
                .bind(SlotFormModel::getRegion, SlotFormModel::setRegion);
        binder.forField(primaryPop).asRequired("Choose the primary PoP in the slot's region")
                .bind(SlotFormModel::getPrimaryPop, SlotFormModel::setPrimaryPop);
        binder.forField(useBackupIngest).bind(SlotFormModel::isUseBackupIngest, SlotFormModel::setUseBackupIngest);
        binder.forField(backupPop).withValidator((pop, context) -> backupProblem(pop)
                        .map(ValidationResult::error).orElse(ValidationResult.ok()))
                .bind(SlotFormModel::getBackupPop, SlotFormModel::setBackupPop);
        binder.forField(totalKbps).asRequired("The total ingest bitrate is required")
                .withValidator((value, context) -> result(SlotLimits.kbpsProblem(value)))
                .bind(SlotFormModel::getTotalKbps, SlotFormModel::setTotalKbps);
        binder.forField(segmentDurationMs).asRequired("The segment duration is required")
                .withValidator((value, context) -> result(SlotLimits.segmentDurationProblem(value)))
                .bind(SlotFormModel::getSegmentDurationMs, SlotFormModel::setSegmentDurationMs);
        binder.forField(fileExpirySeconds).asRequired("The file expiry time is required")
                .withValidator((value, context) -> result(SlotLimits.fileExpiryProblem(value)))
                .bind(SlotFormModel::getFileExpirySeconds, SlotFormModel::setFileExpirySeconds);
        binder.forField(lowLatency).bind(SlotFormModel::isLowLatency, SlotFormModel::setLowLatency);
        binder.forField(publishCidrs).withValidator((text, context) -> result(cidrProblem(text)))
                .bind(SlotFormModel::getPublishCidrs, SlotFormModel::setPublishCidrs);
        binder.forField(viewerRules).withValidator((text, context) -> result(viewerRulesProblem(text)))
                .bind(SlotFormModel::getViewerRules, SlotFormModel::setViewerRules);
        binder.forField(viewerDefault).asRequired()
                .bind(SlotFormModel::getViewerDefault, SlotFormModel::setViewerDefault);
        useBackupIngest.addValueChangeListener(event -> binder.validate());
    }

    private Optional<String> nameProblem(String value) {
        if (mode == Mode.EDIT) {
            return Optional.empty();
        }
        Optional<String> problem = SlotName.problem(value);
        if (problem.isPresent()) {
            return problem;
        }
        return nameAvailable.test(value) ? Optional.empty()
                : Optional.of("The name '" + value + "' is already taken in this account; choose another");
    }

    private Optional<String> backupProblem(PopRecord pop) {
        if (!useBackupIngest.getValue()) {
            return Optional.empty();
        }
        if (pop == null) {
            return Optional.of("Choose a backup PoP, or turn off Use Backup Ingest");
        }
        if (pop.equals(primaryPop.getValue())) {
            return Optional.of("The backup PoP must differ from the primary PoP");
        }
        return Optional.empty();
    }

    static Optional<String> cidrProblem(String text) {
        List<String> lines = SlotFormModel.lines(text);
        if (lines.size() > SlotLimits.MAX_ADDRESS_ENTRIES) {
            return Optional.of("At most " + SlotLimits.MAX_ADDRESS_ENTRIES + " entries are allowed");
        }
        return lines.stream().map(CidrBlock::problem).flatMap(Optional::stream).findFirst();
    }

    static Optional<String> viewerRulesProblem(String text) {
        for (ViewerRule rule : SlotFormModel.parseViewerRules(text)) {
            if (rule.action() == null) {
                return Optional.of("'" + rule.cidr() + "' must start with allow or deny");
            }
            Optional<String> problem = CidrBlock.problem(rule.cidr());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static ValidationResult result(Optional<String> problem) {
        return problem.map(ValidationResult::error).orElse(ValidationResult.ok());
    }

    private void updatePopChoices() {
        Region chosen = region.getValue();
        List<PopRecord> inRegion = pops.stream().filter(pop -> pop.region() == chosen).toList();
        PopRecord current = model.getPrimaryPop();
        primaryPop.setItems(inRegion);
        primaryPop.setEnabled(chosen != null);
        if (current != null && inRegion.contains(current)) {
            primaryPop.setValue(current);
        } else if (inRegion.size() == 1) {
            primaryPop.setValue(inRegion.get(0));
        }
        primaryPop.setHelperText(chosen != null && inRegion.isEmpty() ? "No PoP serves this region yet" : null);
        backupPop.setEnabled(useBackupIngest.getValue());
    }

    private HorizontalLayout buttons() {
        submit.setId("slot-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> submit());
        cancel.setId("slot-cancel");
        cancel.addClickListener(click -> fireEvent(new CancelEvent(this)));
        return new HorizontalLayout(submit, cancel);
    }

    private void submit() {
        formError.setVisible(false);
        boolean valid = binder.validate().isOk();
        List<CredentialRow> rows = credentials.rows();
        if (mode != Mode.EDIT && rows.isEmpty()) {
            showError("At least one publish credential is required: enter a user name and password and click + add.");
            valid = false;
        } else if (rows.stream().anyMatch(CredentialRow::needsPassword)) {
            showError("Type the password again for every cloned user name, or remove it.");
            valid = false;
        }
        if (!valid) {
            return;
        }
        List<NewCredential> added = rows.stream().filter(row -> !row.stored())
                .map(row -> new NewCredential(row.username(), row.password())).toList();
        fireEvent(new SaveEvent(this, new SlotFormResult(model.toDraft(mode == Mode.EDIT ? List.of() : added,
                mediaVault), mode == Mode.EDIT ? added : List.of(), credentials.removed(), credentials.isCleared())));
    }

    /** Shows the service's field problems beside their fields; those without a field go to the form message. */
    void showProblems(Map<String, String> problems) {
        List<String> unplaced = new ArrayList<>();
        problems.forEach((field, message) -> {
            HasValidation target = fieldFor(field);
            if (target == null) {
                unplaced.add(message);
            } else {
                target.setErrorMessage(message);
                target.setInvalid(true);
            }
        });
        if (!unplaced.isEmpty()) {
            showError(String.join(" ", unplaced));
        }
    }

    private HasValidation fieldFor(String field) {
        String root = field.replaceAll("\\[.*$", "").replaceAll("\\..*$", "");
        return switch (root) {
            case "name" -> name;
            case "description" -> description;
            case "region" -> region;
            case "primaryPopId" -> primaryPop;
            case "backupPopId" -> backupPop;
            case "totalKbps" -> totalKbps;
            case "segmentDurationMs" -> segmentDurationMs;
            case "fileExpirySeconds" -> fileExpirySeconds;
            case "publishCidrs" -> publishCidrs;
            case "viewerRules" -> viewerRules;
            case "credentials" -> field.endsWith("password") ? credentials.password : credentials.username;
            default -> null;
        };
    }

    /** Shows a refusal (entitlement, capacity, taken name) above the buttons. */
    void showError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }

    private static VerticalLayout section(String title, com.vaadin.flow.component.Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        VerticalLayout section = new VerticalLayout(header(title), form);
        section.setPadding(false);
        section.addClassName("form-section");
        return section;
    }

    private static H3 header(String title) {
        H3 header = new H3(title);
        header.addClassName("section-title");
        return header;
    }

    /** Registers a listener for valid submits. */
    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** Registers a listener for Cancel. */
    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** Fired by a valid Submit. */
    public static final class SaveEvent extends ComponentEvent<SlotForm> {

        private static final long serialVersionUID = 1L;
        private final transient SlotFormResult result;

        SaveEvent(SlotForm source, SlotFormResult result) {
            super(source, false);
            this.result = result;
        }

        SlotFormResult result() {
            return result;
        }
    }

    /** Fired by Cancel. */
    public static final class CancelEvent extends ComponentEvent<SlotForm> {

        private static final long serialVersionUID = 1L;

        CancelEvent(SlotForm source) {
            super(source, false);
        }
    }
}
