package io.livepush.admin.ui.pop;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServlet;
import io.livepush.admin.AdminServices;
import io.livepush.admin.ui.CurrentActor;
import io.livepush.admin.ui.EditDialog;
import io.livepush.admin.ui.MainLayout;
import io.livepush.admin.ui.NoAccessView;
import io.livepush.admin.ui.Notifications;
import io.livepush.domain.Actor;
import io.livepush.domain.Region;
import io.livepush.service.LivePushException;
import io.livepush.service.PopDraft;
import io.livepush.service.PopRecord;

/** Operators: PoPs, the places ingest nodes run, with the base URLs encoders and viewers use. */
@Route(value = "pops", layout = MainLayout.class)
@PageTitle("PoPs · Live Push")
public class PopsView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    private final transient AdminServices services;
    private final transient Actor actor;
    private final Grid<PopRecord> grid = new Grid<>();

    public PopsView() {
        this(AdminServices.from(VaadinServlet.getCurrent().getServletContext()), CurrentActor.require());
    }

    PopsView(AdminServices services, Actor actor) {
        this.services = services;
        this.actor = actor;
        setId("pops-view");
        setSizeFull();
        grid.setId("pop-grid");
        grid.addColumn(PopRecord::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(pop -> pop.region().displayName()).setHeader("Region").setAutoWidth(true);
        grid.addColumn(PopRecord::ingestBaseUrl).setHeader("Ingest base URL").setFlexGrow(1);
        grid.addColumn(PopRecord::playbackBaseUrl).setHeader("Playback base URL").setFlexGrow(1);
        grid.addColumn(pop -> pop.httpsPlaybackBase().orElse("")).setHeader("HTTPS playback base URL")
                .setFlexGrow(1);
        grid.addComponentColumn(pop -> {
            Button delete = new Button("Delete", click -> delete(pop));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return new HorizontalLayout(new Button("Edit", click -> edit(pop)), delete);
        }).setAutoWidth(true);
        Button create = new Button("+ new PoP", click -> edit(null));
        create.setId("pop-new");
        add(new H2("PoPs"), create, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        NoAccessView.requireOperator(actor, "manage PoPs");
        grid.setItems(services.pops().list());
    }

    private void edit(PopRecord pop) {
        TextField name = new TextField("Name");
        name.setId("pop-name");
        Select<Region> region = new Select<>();
        region.setLabel("Region");
        region.setId("pop-region");
        region.setItems(Region.values());
        region.setItemLabelGenerator(Region::displayName);
        TextField ingest = new TextField("Ingest base URL (https, with the /live context path)");
        ingest.setId("pop-ingest");
        TextField playback = new TextField("Playback base URL (http, with the /live context path)");
        playback.setId("pop-playback");
        TextField playbackHttps = new TextField("HTTPS playback base URL (optional)");
        playbackHttps.setId("pop-playback-https");
        playbackHttps.setHelperText("Where viewers reach /live over TLS, e.g. https://play.example.com:8443/live. "
                + "Empty: an https URL is shown only when the playback base names no port");
        if (pop != null) {
            name.setValue(pop.name());
            region.setValue(pop.region());
            ingest.setValue(pop.ingestBaseUrl());
            playback.setValue(pop.playbackBaseUrl());
            playbackHttps.setValue(pop.httpsPlaybackBase().orElse(""));
        }
        new EditDialog(pop == null ? "New PoP" : "Edit PoP " + pop.name(), () -> {
            PopDraft draft = new PopDraft(name.getValue(), region.getValue(), ingest.getValue(), playback.getValue(),
                    playbackHttps.getValue());
            if (pop == null) {
                services.pops().create(actor, draft);
            } else {
                services.pops().update(actor, pop.id(), draft);
            }
            Notifications.success("PoP '" + name.getValue() + "' saved");
            grid.setItems(services.pops().list());
        }, name, region, ingest, playback, playbackHttps).open();
    }

    private void delete(PopRecord pop) {
        try {
            services.pops().delete(actor, pop.id());
            Notifications.success("PoP '" + pop.name() + "' deleted");
            grid.setItems(services.pops().list());
        } catch (LivePushException e) {
            Notifications.error(e.getMessage());
        }
    }
}
