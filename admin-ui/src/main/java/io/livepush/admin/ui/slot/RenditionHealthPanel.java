package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import io.livepush.admin.AdminServices;
import io.livepush.domain.Actor;
import io.livepush.health.RenditionHealth;
import io.livepush.health.SlotHealth;
import io.livepush.service.LivePushException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Slot Details, "Encoder health": one row per rendition and ingest node (name, state, since, last sequence, segment
 * age, measured against declared bitrate, missing segments), refreshed every {@value #REFRESH_MILLIS} ms by UI polling
 * while the panel is shown. States are judged when read, so a rendition shows Late within a refresh of turning Late.
 */
class RenditionHealthPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** How often the table is refreshed. */
    static final int REFRESH_MILLIS = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final transient AdminServices services;
    private final transient Actor actor;
    private final String slotId;
    private final Grid<RenditionHealth> grid = new Grid<>();
    private final Paragraph empty = new Paragraph("No encoder has uploaded a playlist or MPD to this slot in the last "
            + "hour. Each HLS media playlist and each DASH Representation appears here once it is uploaded.");
    private Registration polling;

    RenditionHealthPanel(AdminServices services, Actor actor, String slotId) {
        this.services = services;
        this.actor = actor;
        this.slotId = slotId;
        setId("rendition-health");
        setPadding(false);
        grid.setId("rendition-health-grid");
        grid.addColumn(RenditionHealth::rendition).setHeader("Rendition").setFlexGrow(2);
        grid.addComponentColumn(RenditionHealthPanel::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(h -> TIME.format(h.status().since())).setHeader("Since").setAutoWidth(true);
        grid.addColumn(h -> h.lastSequence() == null ? "–" : h.lastSequence().toString()).setHeader("Last sequence")
                .setAutoWidth(true);
        grid.addColumn(h -> seconds(h.segmentAge())).setHeader("Segment age").setAutoWidth(true);
        grid.addColumn(RenditionHealthPanel::bitrate).setHeader("Measured / declared").setAutoWidth(true);
        grid.addColumn(h -> h.missingNow() + (h.missingTotal() > h.missingNow() ? " (" + h.missingTotal()
                + " in all)" : "")).setHeader("Missing").setAutoWidth(true);
        grid.addColumn(RenditionHealth::nodeId).setHeader("Node").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(empty, grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(REFRESH_MILLIS);
        polling = ui.addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }

    /** Reads the slot's health again; a failed read keeps the last table (the next poll tries again). */
    void refresh() {
        SlotHealth health;
        try {
            health = services.health().health(actor, slotId);
        } catch (LivePushException e) {
            return;
        }
        grid.setItems(health.renditions());
        grid.setVisible(!health.renditions().isEmpty());
        empty.setVisible(health.renditions().isEmpty());
    }

    private static Span state(RenditionHealth health) {
        Span state = new Span(health.status().state().displayName());
        state.addClassName("rendition-state");
        state.addClassName("rendition-" + health.status().state().label().replace('_', '-'));
        state.getElement().setAttribute("data-rendition", health.rendition());
        state.getElement().setAttribute("data-node", health.nodeId());
        state.getElement().setAttribute("data-state", health.status().state().label());
        return state;
    }

    private static String bitrate(RenditionHealth health) {
        return (health.measuredKbps() == null ? "–" : health.measuredKbps() + " kbps") + " / "
                + (health.declaredKbps() == null ? "not declared" : health.declaredKbps() + " kbps");
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
