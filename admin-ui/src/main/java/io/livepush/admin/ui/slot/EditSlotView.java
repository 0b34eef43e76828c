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
import io.livepush.service.CredentialChanges;
import io.livepush.service.SlotRecord;

/**
 * Edit a slot (guide "Edit a Slot"): everything but ID, name and type. Credential changes are applied after the
 * settings: clear all first, then removals, then additions.
 */
@Route(value = "slots/:slotId/edit", layout = MainLayout.class)
@PageTitle("Edit slot · Live Push")
public class EditSlotView extends SlotEditor implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private String slotId;

    public EditSlotView() {
        this(AdminServices.from(VaadinServlet.getCurrent().getServletContext()), CurrentActor.require());
    }

    EditSlotView(AdminServices services, Actor actor) {
        super(services, actor);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        slotId = event.getRouteParameters().get("slotId").orElse("");
        SlotRecord slot = services.slots().get(actor, slotId);
        open("Edit Live Push slot '" + slot.name() + "'", SlotForm.Mode.EDIT, SlotFormModel.of(slot), usernames(slot),
                keep(slot.mediaVault()), slot.shortname());
    }

    @Override
    String save(SlotFormResult result) {
        // Settings and credential changes in one transaction: a refusal leaves the slot as it was.
        services.slots().update(actor, slotId, result.draft(), new CredentialChanges(result.clearAll(),
                result.removedUsernames(), result.addedCredentials()));
        return slotId;
    }
}
