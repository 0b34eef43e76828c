package io.livepush.admin.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServlet;
import io.livepush.admin.AdminServices;
import io.livepush.admin.ui.slot.SlotListView;
import io.livepush.service.AdminUserService;
import io.livepush.service.LoginResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The login page for operators and account admins. Failures never say whether the user name exists; a locked-out user
 * is told until when ({@link AdminUserService#MAX_FAILURES} failures lock for {@link AdminUserService#LOCKOUT}).
 */
@Route("login")
@PageTitle("Log in · Live Push")
@StyleSheet("context://styles/admin.css")
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final transient AdminServices services;
    private final LoginForm form = new LoginForm();

    public LoginView() {
        this(AdminServices.from(VaadinServlet.getCurrent().getServletContext()));
    }

    LoginView(AdminServices services) {
        this.services = services;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n("Incorrect user name or password", "Check that you have entered the correct user name and "
                + "password and try again."));
        form.addLoginListener(event -> login(event.getUsername(), event.getPassword()));
        add(new H1("Live Push"), new Paragraph("Live Streaming configuration"), form);
    }

    private void login(String username, String password) {
        LoginResult result = services.users().login(username, password);
        switch (result.outcome()) {
            case ACCEPTED -> {
                VaadinService.reinitializeSession(VaadinService.getCurrentRequest());
                CurrentActor.set(result.actor());
                getUI().ifPresent(ui -> ui.navigate(SlotListView.class));
            }
            case LOCKED -> showError(i18n("Too many failed logins", "This user is locked out until "
                    + TIME.format(result.lockedUntil()) + ". Try again later or ask an operator to unlock it."));
            case REJECTED -> showError(i18n("Incorrect user name or password", "Check that you have entered the "
                    + "correct user name and password and try again."));
        }
    }

    private void showError(LoginI18n i18n) {
        form.setI18n(i18n);
        form.setError(true);
        form.setEnabled(true);
    }

    private static LoginI18n i18n(String title, String message) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Log in");
        i18n.getErrorMessage().setTitle(title);
        i18n.getErrorMessage().setMessage(message);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentActor.get().isPresent()) {
            event.forwardTo(SlotListView.class);
        }
    }
}
