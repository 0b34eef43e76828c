package io.livepush.admin.ui.slot;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServlet;
import io.livepush.admin.AdminServices;
import io.livepush.admin.ui.CurrentActor;
import io.livepush.admin.ui.MainLayout;
import io.livepush.domain.Actor;
import io.livepush.service.SlotRecord;

/**
 * Clone a slot (guide "Clone a Slot"): the form starts with every setting of the source and its name, which is
 * flagged as taken at once; user names are kept and their passwords must be typed again. The copy is made by
 * {@code SlotService.clone} in one transaction, with the settings as the form left them; MediaVault secrets left
 * blank are copied from the source.
 */
@Route(value = "slots/:slotId/clone", layout = MainLayout.class)
@PageTitle("Clone slot · Live Push")
public class CloneSlotView extends SlotEditor implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private SlotRecord source;

    public CloneSlotView() {
        this(AdminServices.from(VaadinServlet.getCurrent().getServletContext()), CurrentActor.require());
    }

    CloneSlotView(AdminServices services, Actor actor) {
        super(services, actor);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        source = services.slots().get(actor, event.getRouteParameters().get("slotId").orElse(""));
        open("Clone slot '" + source.name() + "'", SlotForm.Mode.CLONE, SlotFormModel.of(source), usernames(source),
                keep(source.mediaVault()), source.shortname());
    }

    @Override
    String save(SlotFormResult result) {
        // One transaction: the copy gets the form's settings (secrets left blank keep the source's) or nothing at all.
        return services.slots().clone(actor, source.id(), result.draft()).id();
    }
}
