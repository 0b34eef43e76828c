package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import io.livepush.admin.AdminServices;
import io.livepush.admin.ui.Notifications;
import io.livepush.domain.Actor;
import io.livepush.service.EntitlementSummary;
import io.livepush.service.InvalidInputException;
import io.livepush.service.LivePushException;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.MediaVaultView;
import io.livepush.service.SlotRecord;
import io.livepush.domain.SlotType;
import java.util.List;

/**
 * What the Create, Clone and Edit pages share: they build a {@link SlotForm}, send its result to {@code SlotService},
 * and show a refusal inside the form, which keeps what was typed.
 */
abstract class SlotEditor extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final transient AdminServices services;
    final transient Actor actor;
    SlotForm form;

    SlotEditor(AdminServices services, Actor actor) {
        this.services = services;
        this.actor = actor;
        addClassName("slot-editor");
        setMaxWidth("960px");
    }

    void open(String title, SlotForm.Mode mode, SlotFormModel model, List<String> usernames, MediaVaultInput vault,
            String shortname) {
        removeAll();
        form = new SlotForm(mode, services.pops().list(),
                name -> services.slotList().isNameAvailable(actor, shortname, name), model, usernames);
        form.setMediaVault(vault);
        form.addCancelListener(event -> back());
        form.addSaveListener(event -> {
            try {
                String slotId = save(event.result());
                Notifications.success("Slot '" + model.getName() + "' saved");
                getUI().ifPresent(ui -> ui.navigate(SlotDetailsView.class, new RouteParameters("slotId", slotId)));
            } catch (InvalidInputException e) {
                form.showProblems(e.fieldErrors());
            } catch (LivePushException e) {
                form.showError(e.getMessage());
                Notifications.error(e.getMessage());
            }
        });
        EntitlementSummary summary = services.accounts().entitlements(actor, shortname);
        Span capacity = new Span("Live Push: " + summary.usage(SlotType.LIVE_PUSH).available()
                + " slots and " + summary.kbpsAvailable() + " kbps available in account " + shortname);
        capacity.addClassName("form-hint");
        add(new H2(title), capacity, form);
    }

    /** Applies the form's result; returns the ID of the slot to show. */
    abstract String save(SlotFormResult result);

    void back() {
        getUI().ifPresent(ui -> ui.navigate(SlotListView.class));
    }

    /** The slot's MediaVault settings as an input that keeps the stored secrets. */
    static MediaVaultInput keep(MediaVaultView view) {
        return new MediaVaultInput(view.mode(), null, null, view.denyStatus(), view.pathBased(), view.pathToken(),
                view.pathDelim(), view.strictReferrer(), view.clockSkewSeconds());
    }

    /** The user names of a slot's credentials. */
    static List<String> usernames(SlotRecord slot) {
        return slot.credentials().stream().map(credential -> credential.username()).toList();
    }
}
