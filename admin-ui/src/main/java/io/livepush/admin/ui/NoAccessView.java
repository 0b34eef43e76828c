package io.livepush.admin.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import io.livepush.service.AccessDeniedException;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when a logged-in user opens a screen their role does not allow (an account admin opening PoPs). */
@ParentLayout(MainLayout.class)
public class NoAccessView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        setId("no-access-view");
        add(new H2("No access"), new Paragraph(parameter.getException().getMessage()),
                new Anchor("", "Back to Live Streaming"));
        return HttpServletResponse.SC_FORBIDDEN;
    }

    /** Throws when {@code actor} is not an operator; the router then shows this view. */
    public static void requireOperator(io.livepush.domain.Actor actor, String what) {
        if (!actor.isOperator()) {
            throw new AccessDeniedException("Only operators may " + what + ".");
        }
    }
}
