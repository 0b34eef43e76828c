package io.livepush.admin.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import io.livepush.service.DatabaseUnavailableException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown instead of a screen that could not be built because the database did not answer: a plain message and a link
 * to try again, never a stack trace. It has no parent layout, because the layout itself may need the database.
 */
public class DatabaseUnavailableView extends VerticalLayout
        implements HasErrorParameter<DatabaseUnavailableException> {

    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DatabaseUnavailableException> parameter) {
        removeAll();
        setId("database-unavailable");
        add(new H2("Database not reachable"), new Paragraph(DatabaseUnavailableException.MESSAGE + "."),
                new Anchor(event.getLocation().getPathWithQueryParameters(), "Try again"));
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
