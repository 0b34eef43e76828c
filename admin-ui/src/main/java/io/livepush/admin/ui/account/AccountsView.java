package io.livepush.admin.ui.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
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
import io.livepush.domain.SlotType;
import io.livepush.service.AccountDraft;
import io.livepush.service.AccountRecord;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Operators: accounts with their entitlements per slot type and Live Push kbps capacity. */
@Route(value = "accounts", layout = MainLayout.class)
@PageTitle("Accounts · Live Push")
public class AccountsView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    private final transient AdminServices services;
    private final transient Actor actor;
    private final Grid<AccountRecord> grid = new Grid<>();

    public AccountsView() {
        this(AdminServices.from(VaadinServlet.getCurrent().getServletContext()), CurrentActor.require());
    }

    AccountsView(AdminServices services, Actor actor) {
        this.services = services;
        this.actor = actor;
        setId("accounts-view");
        setSizeFull();
        grid.setId("account-grid");
        grid.addColumn(AccountRecord::shortname).setHeader("Shortname").setAutoWidth(true);
        grid.addColumn(AccountRecord::displayName).setHeader("Name").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AccountRecord::livePushKbps).setHeader("Live Push kbps").setAutoWidth(true);
        grid.addColumn(account -> account.entitlements().entrySet().stream()
                .map(entry -> entry.getKey().displayName() + ": " + entry.getValue())
                .collect(Collectors.joining(", "))).setHeader("Entitlements").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(account -> new Button("Edit", click -> edit(account))).setAutoWidth(true)
                .setFlexGrow(0);
        Button create = new Button("+ new account", click -> edit(null));
        create.setId("account-new");
        add(new H2("Accounts"), create, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        NoAccessView.requireOperator(actor, "manage accounts");
        grid.setItems(services.accounts().list(actor));
    }

    private void edit(AccountRecord account) {
        TextField shortname = new TextField("Shortname");
        shortname.setId("account-shortname");
        TextField name = new TextField("Name");
        name.setId("account-name");
        IntegerField kbps = new IntegerField("Live Push capacity (kbps)");
        kbps.setId("account-kbps");
        Map<SlotType, IntegerField> counts = new EnumMap<>(SlotType.class);
        for (SlotType type : SlotType.values()) {
            IntegerField count = new IntegerField(type.displayName() + " slots");
            count.setId("account-" + type.apiValue());
            count.setValue(account == null ? 0 : account.entitlements().getOrDefault(type, 0));
            counts.put(type, count);
        }
        if (account != null) {
            shortname.setValue(account.shortname());
            shortname.setReadOnly(true);
            name.setValue(account.displayName());
            kbps.setValue(account.livePushKbps());
        } else {
            kbps.setValue(0);
        }
        Component[] fields = new Component[3 + counts.size()];
        fields[0] = shortname;
        fields[1] = name;
        fields[2] = kbps;
        int i = 3;
        for (IntegerField field : counts.values()) {
            fields[i++] = field;
        }
        new EditDialog(account == null ? "New account" : "Edit account " + account.shortname(), () -> {
            Map<SlotType, Integer> entitlements = new EnumMap<>(SlotType.class);
            counts.forEach((type, field) -> entitlements.put(type, field.getValue() == null ? 0 : field.getValue()));
            AccountDraft draft = new AccountDraft(shortname.getValue(), name.getValue(),
                    kbps.getValue() == null ? -1 : kbps.getValue(), entitlements);
            if (account == null) {
                services.accounts().create(actor, draft);
            } else {
                services.accounts().update(actor, account.shortname(), draft);
            }
            Notifications.success("Account '" + shortname.getValue() + "' saved");
            grid.setItems(services.accounts().list(actor));
        }, fields).open();
    }
}
