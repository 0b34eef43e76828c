package io.livepush.admin.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinSession;
import io.livepush.admin.ui.account.AccountsView;
import io.livepush.admin.ui.pop.PopsView;
import io.livepush.admin.ui.slot.SlotListView;
import io.livepush.admin.ui.token.ApiTokensView;
import io.livepush.admin.ui.user.UsersView;
import io.livepush.domain.Actor;

/**
 * The frame around every portal screen: navigation (operator screens only for operators), the user and a log-out
 * button. Anybody not logged in is sent to {@link LoginView} before any view is built.
 */
@StyleSheet("context://styles/admin.css")
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    public MainLayout() {
        Actor actor = CurrentActor.get().orElse(null);
        H2 title = new H2("Live Push");
        title.addClassName("app-title");
        Span user = new Span(actor == null ? "" : actor.username() + (actor.isOperator() ? " (operator)"
                : " · " + actor.accountShortname()));
        user.setId("current-user");
        Button logout = new Button("Log out", click -> logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, user, logout);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.addClassName("nav-bar");
        addToNavbar(bar);
        addToDrawer(navigation(actor));
    }

    private static SideNav navigation(Actor actor) {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Live Streaming", SlotListView.class));
        if (actor != null && actor.isOperator()) {
            nav.addItem(new SideNavItem("Accounts", AccountsView.class));
            nav.addItem(new SideNavItem("PoPs", PopsView.class));
            nav.addItem(new SideNavItem("Users", UsersView.class));
        }
        nav.addItem(new SideNavItem("API tokens", ApiTokensView.class));
        return nav;
    }

    private void logout() {
        getUI().ifPresent(ui -> ui.getPage().setLocation(ui.getInternals().getContextRootRelativePath() + "login"));
        VaadinSession.getCurrent().getSession().invalidate();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentActor.get().isEmpty()) {
            event.forwardTo(LoginView.class);
        }
    }
}
