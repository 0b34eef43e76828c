package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinServlet;
import io.livepush.admin.AdminServices;
import io.livepush.service.LiveActivity;
import io.livepush.service.SlotLiveStatus;
import io.livepush.admin.ui.CurrentActor;
import io.livepush.admin.ui.MainLayout;
import io.livepush.admin.ui.Notifications;
import io.livepush.domain.Actor;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.service.AuditEntry;
import io.livepush.service.InvalidInputException;
import io.livepush.service.LivePushException;
import io.livepush.service.SlotRecord;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Slot Details (guide "View Slot Details"): ingest, configuration, encoder and security details, ingest and playback
 * URLs with copy buttons, the low-latency URLs and ffmpeg line, Configure Validation, the MediaVault test-URL
 * generator, live ingest statistics and the slot's history.
 */
@Route(value = "slots/:slotId", layout = MainLayout.class)
@PageTitle("Slot details · Live Push")
public class SlotDetailsView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    private final transient AdminServices services;
    private final transient Actor actor;
    private SlotRecord slot;

    public SlotDetailsView() {
        this(AdminServices.from(VaadinServlet.getCurrent().getServletContext()), CurrentActor.require());
    }

    SlotDetailsView(AdminServices services, Actor actor) {
        this.services = services;
        this.actor = actor;
        setId("slot-details");
        setMaxWidth("1100px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(services.slots().get(actor, event.getRouteParameters().get("slotId").orElse("")));
    }

    void show(SlotRecord record) {
        this.slot = record;
        removeAll();
        SlotLiveStatus live = services.stats().live(actor, slot.id());
        add(header(live), section("Ingest details", ingest()), section("Configuration details", configuration()),
                section("Encoder details", encoder()), section("Playback URLs", playback()),
                section("Low latency", new LowLatencyPanel(slot)),
                section("Content security", security()),
                section("MediaVault test URL", new SignedUrlPanel(services, actor, slot)),
                section("Live ingest", liveSection(live)),
                section("Encoder health", new RenditionHealthPanel(services, actor, slot.id())),
                section("History", history()));
    }

    private Component header(SlotLiveStatus live) {
        H2 title = new H2(slot.name());
        Span status = new Span(slot.status().displayName());
        status.setId("details-status");
        status.addClassName("status");
        status.addClassName("status-" + slot.status().name().toLowerCase(Locale.ROOT));
        HorizontalLayout line = new HorizontalLayout(title, status);
        Span badge = new Span(Formats.activity(live.activity()));
        badge.setId("details-live");
        badge.addClassName("live");
        badge.addClassName("live-" + live.activity().name().toLowerCase(Locale.ROOT));
        line.add(badge);
        line.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        Button edit = link("Edit", EditSlotView.class);
        Button clone = link("Clone", CloneSlotView.class);
        Button player = link("Player", PlayerView.class);
        Button delete = new Button("Delete", click -> confirmDelete());
        delete.setId("details-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout header = new VerticalLayout(line, new HorizontalLayout(edit, clone, player, delete));
        header.setPadding(false);
        if (slot.statusReason() != null) {
            Paragraph reason = new Paragraph(slot.statusReason());
            reason.addClassName("form-error");
            header.add(reason);
        }
        return header;
    }

    private Button link(String label, Class<? extends Component> view) {
        Button button = new Button(label, click -> getUI().ifPresent(ui -> ui.navigate(view,
                new RouteParameters("slotId", slot.id()))));
        button.setId("details-" + label.toLowerCase(Locale.ROOT));
        return button;
    }

    private Component ingest() {
        return values(field("Region", slot.region().displayName()), field("Primary PoP", slot.primaryPop().name()),
                field("Use Backup Ingest", slot.useBackupIngest() ? "Yes" : "No"),
                field("Backup PoP", slot.backupPop() == null ? "–" : slot.backupPop().name()));
    }

    private Component configuration() {
        return values(field("ID", slot.id()), field("Type", slot.type().displayName()),
                field("Description", slot.description() == null ? "" : slot.description()),
                field("Total Ingest Bitrate", slot.totalKbps() + " kbps"),
                field("Segment Duration", slot.segmentDurationMs() + " ms"),
                field("File Expiry Time", slot.fileExpirySeconds() + " seconds"),
                field("Low latency", slot.lowLatency() ? "On" : "Off"),
                field("Date created", Formats.dateTime(slot.createdAt())),
                field("Last changed", Formats.dateTime(slot.updatedAt())));
    }

    private Component encoder() {
        VerticalLayout encoder = new VerticalLayout();
        encoder.setPadding(false);
        encoder.add(new CopyField("primary-ingest-url", "Primary ingest URL", slot.primaryIngestUrl()));
        slot.backupIngestUrl().ifPresent(url -> encoder.add(new CopyField("backup-ingest-url", "Backup ingest URL",
                url)));
        String users = slot.credentials().stream().map(c -> c.username()).collect(Collectors.joining(", "));
        encoder.add(values(field("Publish credentials", users.isEmpty()
                        ? "None: every push is refused until a credential is added" : users),
                field("Publish IP access", slot.publishCidrs().isEmpty() ? "Any address"
                        : String.join(", ", slot.publishCidrs()))));
        encoder.add(new Paragraph("Publish with HTTP PUT over HTTPS and Basic authentication, to the primary and, when "
                + "configured, the backup URL at once. Segments and manifests go below the ingest URL."));
        return encoder;
    }

    private Component playback() {
        VerticalLayout playback = new VerticalLayout(
                playbackUrl("playback-http-url", "Playback URL (http)", slot.playbackHttpUrl()),
                playbackUrl("playback-https-url", "Playback URL (https)", slot.playbackHttpsUrl()),
                new Paragraph("The playback URL is a base: append the manifest path your encoder uploads, for "
                        + "example index.m3u8 or manifest.mpd."));
        playback.setPadding(false);
        return playback;
    }

    /** A playback URL with its copy button, or a plain note where the PoP offers none over that scheme. */
    private static Component playbackUrl(String id, String label, Optional<String> url) {
        if (url.isPresent()) {
            return new CopyField(id, label, url.get());
        }
        TextField none = field(label, "None: the PoP has no playback base for this scheme (an operator can add one "
                + "on the PoPs screen)");
        none.setId(id);
        none.setWidthFull();
        return none;
    }

    private Component security() {
        var vault = slot.mediaVault();
        String rules = slot.viewerRules().isEmpty() ? "None" : slot.viewerRules().stream()
                .map(Formats::viewerRule).collect(Collectors.joining(", "));
        Button configure = new Button("Configure Validation", click -> configureValidation());
        configure.setId("configure-validation");
        VerticalLayout security = new VerticalLayout(values(
                field("MediaVault", vault.mode() == MediaVaultMode.NONE ? "Off" : vault.mode().name()),
                field("Secrets", (vault.primarySecretSet() ? "primary set" : "no primary")
                        + (vault.secondarySecretSet() ? ", secondary set" : "")),
                field("Deny status", String.valueOf(vault.denyStatus())),
                field("Path-based tokens", vault.pathBased() ? "On (" + vault.pathToken() + ")" : "Off"),
                field("Viewer IP access", rules),
                field("Viewers no rule matches", slot.viewerDefault().name().toLowerCase(Locale.ROOT))), configure);
        security.setPadding(false);
        return security;
    }

    private void configureValidation() {
        ValidationDialog[] holder = new ValidationDialog[1];
        holder[0] = new ValidationDialog(slot, draft -> {
            try {
                SlotRecord updated = services.slots().update(actor, slot.id(), draft);
                holder[0].close();
                Notifications.success("Validation settings saved");
                show(updated);
            } catch (InvalidInputException e) {
                holder[0].showProblems(e.fieldErrors());
            } catch (LivePushException e) {
                Notifications.error(e.getMessage());
            }
        });
        holder[0].open();
    }

    private Component liveSection(SlotLiveStatus live) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setId("live-stats");
        if (live.nodes().isEmpty()) {
            section.add(new Paragraph("No ingest node has seen a request for this slot yet."));
        }
        section.add(values(field("State", Formats.activity(live.activity())
                        + (live.activity() == LiveActivity.ACTIVE ? "" : " (Active means a successful PUT within 3 "
                        + "segment durations)")),
                field("Last PUT", Formats.dateTime(live.lastPutAt())),
                field("Measured bitrate", live.bitrateKbps() + " kbps" + (live.overBitrate()
                        ? " — over the configured " + slot.totalKbps() + " kbps" : "")),
                field("Requests by status (last minute)", counts(live.requestsLastMinute())),
                field("Requests by status (last hour)", counts(live.requestsLastHour())),
                field("Auth failures (last minute)", String.valueOf(live.authFailuresLastMinute())),
                field("Last error", live.lastError() == null ? "none"
                        : live.lastError() + " (" + Formats.dateTime(live.lastErrorAt()) + ")")));
        if (!live.nodes().isEmpty()) {
            Grid<SlotLiveStatus.NodeReport> nodes = new Grid<>();
            nodes.setId("live-nodes");
            nodes.addColumn(SlotLiveStatus.NodeReport::nodeId).setHeader("Node");
            nodes.addColumn(node -> Formats.dateTime(node.updatedAt())).setHeader("Reported");
            nodes.addColumn(node -> Formats.dateTime(node.report().lastPutAt())).setHeader("Last PUT");
            nodes.addColumn(node -> node.report().bitrateKbps() + " kbps").setHeader("Bitrate");
            nodes.addColumn(node -> node.report().lastError() == null ? "" : node.report().lastError())
                    .setHeader("Last error").setFlexGrow(2);
            nodes.setItems(live.nodes());
            nodes.setAllRowsVisible(true);
            section.add(nodes);
        }
        return section;
    }

    private static String counts(java.util.Map<Integer, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining(", "));
    }

    private Component history() {
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("slot-history");
        grid.addColumn(entry -> Formats.dateTime(entry.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("What").setAutoWidth(true);
        grid.addColumn(AuditEntry::changes).setHeader("Changes").setFlexGrow(1);
        grid.setItems(services.slots().history(actor, slot.id()));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void confirmDelete() {
        ConfirmDialog dialog = new ConfirmDialog("Delete slot '" + slot.name() + "'?", "You cannot undo or recover a "
                + "deleted slot. Ingest and playback stop at once and its files are removed.", "Delete", event -> {
                    try {
                        services.slots().delete(actor, slot.id());
                        Notifications.success("Slot '" + slot.name() + "' deleted");
                        getUI().ifPresent(ui -> ui.navigate(SlotListView.class));
                    } catch (LivePushException e) {
                        Notifications.error(e.getMessage());
                    }
                }, "Cancel", event -> { });
        dialog.setId("delete-dialog");
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private static Component section(String title, Component content) {
        Div section = new Div(new H3(title), content);
        section.addClassName("details-section");
        return section;
    }

    private static FormLayout values(Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        return form;
    }

    private static TextField field(String label, String value) {
        TextField field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        return field;
    }
}
