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
import io.livepush.service.MediaVaultInput;
import java.util.List;

/** Configure a new Live Push slot (guide "Configure a Slot"). */
@Route(value = "slots/new", layout = MainLayout.class)
@PageTitle("New Live Push slot · Live Push")
public class NewSlotView extends SlotEditor implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private String shortname;

    public NewSlotView() {
        this(AdminServices.from(VaadinServlet.getCurrent().getServletContext()), CurrentActor.require());
    }

    NewSlotView(AdminServices services, Actor actor) {
        super(services, actor);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        shortname = CurrentActor.account().orElse(null);
        if (shortname == null) {
            event.forwardTo(SlotListView.class);
            return;
        }
        open("New Live Push slot", SlotForm.Mode.CREATE, new SlotFormModel(), List.of(), MediaVaultInput.disabled(),
                shortname);
    }

    @Override
    String save(SlotFormResult result) {
        return services.slots().create(actor, shortname, result.draft()).id();
    }
}
