package io.livepush.admin.ui.user;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
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
import io.livepush.domain.AdminRole;
import io.livepush.service.AccountRecord;
import io.livepush.service.AdminUserRecord;
import io.livepush.service.InvalidInputException;
import io.livepush.service.LivePushException;

/** Operators: portal and API users, with lockout state; create, unlock, reset password, delete. */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users · Live Push")
public class UsersView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    private final transient AdminServices services;
    private final transient Actor actor;
    private final Grid<AdminUserRecord> grid = new Grid<>();

    public UsersView() {
        this(AdminServices.from(VaadinServlet.getCurrent().getServletContext()), CurrentActor.require());
    }

    UsersView(AdminServices services, Actor actor) {
        this.services = services;
        this.actor = actor;
        setId("users-view");
        setSizeFull();
        grid.setId("user-grid");
        grid.addColumn(AdminUserRecord::username).setHeader("User").setAutoWidth(true);
        grid.addColumn(user -> user.role() == AdminRole.OPERATOR ? "Operator" : "Account admin").setHeader("Role");
        grid.addColumn(user -> user.accountShortname() == null ? "–" : user.accountShortname()).setHeader("Account");
        grid.addColumn(user -> user.lastLoginAt() == null ? "never" : user.lastLoginAt().toString())
                .setHeader("Last login").setAutoWidth(true);
        grid.addColumn(user -> user.lockedUntil() == null ? "" : "locked until " + user.lockedUntil())
                .setHeader("Lockout").setAutoWidth(true);
        grid.addComponentColumn(user -> {
            Button unlock = new Button("Unlock", click -> run(() -> services.users().unlock(actor, user.username()),
                    "Unlocked " + user.username()));
            unlock.setEnabled(user.lockedUntil() != null);
            Button password = new Button("Set password", click -> setPassword(user));
            Button delete = new Button("Delete", click -> run(() -> services.users().delete(actor, user.username()),
                    "Deleted " + user.username()));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return new HorizontalLayout(unlock, password, delete);
        }).setAutoWidth(true);
        Button create = new Button("+ new user", click -> create());
        create.setId("user-new");
        add(new H2("Users"), create, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        NoAccessView.requireOperator(actor, "manage users");
        refresh();
    }

    private void refresh() {
        grid.setItems(services.users().list(actor));
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            Notifications.success(done);
            refresh();
        } catch (LivePushException e) {
            Notifications.error(e instanceof InvalidInputException invalid
                    ? String.join("; ", invalid.fieldErrors().values()) : e.getMessage());
        }
    }

    private void create() {
        TextField username = new TextField("User name");
        username.setId("user-username");
        PasswordField password = new PasswordField("Password");
        password.setId("user-password");
        Select<AdminRole> role = new Select<>();
        role.setLabel("Role");
        role.setId("user-role");
        role.setItems(AdminRole.values());
        role.setValue(AdminRole.ACCOUNT_ADMIN);
        ComboBox<String> account = new ComboBox<>("Account (account admins)");
        account.setId("user-account");
        account.setItems(services.accounts().list(actor).stream().map(AccountRecord::shortname).toList());
        new EditDialog("New user", () -> {
            services.users().create(actor, username.getValue(), password.getValue(), role.getValue(),
                    role.getValue() == AdminRole.OPERATOR ? null : account.getValue());
            Notifications.success("User '" + username.getValue() + "' created");
            refresh();
        }, username, password, role, account).open();
    }

    private void setPassword(AdminUserRecord user) {
        PasswordField password = new PasswordField("New password");
        new EditDialog("Set password of " + user.username(), () -> {
            services.users().changePassword(actor, user.username(), password.getValue());
            Notifications.success("Password changed");
        }, password).open();
    }
}
