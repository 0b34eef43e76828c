package io.livepush.admin.ui;

import com.vaadin.flow.server.VaadinSession;
import io.livepush.domain.Actor;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** The logged-in portal user, kept in the Vaadin session. */
public final class CurrentActor {

    private static final String HTTP_SESSION_USER = CurrentActor.class.getName() + ".username";

    private CurrentActor() {
    }

    /** The logged-in user, if any. */
    public static Optional<Actor> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Actor.class));
    }

    /** The logged-in user; views behind {@link MainLayout} can rely on it. */
    public static Actor require() {
        return get().orElseThrow(() -> new IllegalStateException("Nobody is logged in"));
    }

    static void set(Actor actor) {
        VaadinSession.getCurrent().setAttribute(Actor.class, actor);
        // For the non-Vaadin pages (Swagger UI at /api/): logging out invalidates the whole HTTP session.
        VaadinSession.getCurrent().getSession().setAttribute(HTTP_SESSION_USER, actor.username());
    }

    /** Whether someone logged into the portal in this HTTP session (for servlets outside Vaadin). */
    public static boolean isLoggedIn(HttpSession session) {
        return session.getAttribute(HTTP_SESSION_USER) != null;
    }

    /** Which account the slot list shows: an account admin's own; for an operator, the one last chosen. */
    public static Optional<String> account() {
        Optional<Actor> actor = get();
        if (actor.isEmpty()) {
            return Optional.empty();
        }
        if (!actor.get().isOperator()) {
            return Optional.of(actor.get().accountShortname());
        }
        return Optional.ofNullable((String) VaadinSession.getCurrent().getAttribute("livepush.account"));
    }

    /** Remembers the account an operator works on. */
    public static void chooseAccount(String shortname) {
        VaadinSession.getCurrent().setAttribute("livepush.account", shortname);
    }
}
