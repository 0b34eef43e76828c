package io.livepush.admin.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shown instead of a screen that failed for an unexpected reason: a plain message, never the exception's text, which
 * may name server file-system paths or internals (Vaadin's own {@code InternalServerError} page prints its root
 * cause or message, also in production mode). The failure is logged with its stack trace for the operators. More
 * specific failures have their own views ({@link DatabaseUnavailableView}, {@link NoAccessView}, {@link ErrorView}).
 */
public class ServerErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorView.class);
    static final String MESSAGE = "Something went wrong on the server. The operators can find the details in the"
            + " server log.";

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        LOG.error("The portal page [{}] failed", event.getLocation().getPath(), parameter.getException());
        show(event.getLocation().getPathWithQueryParameters());
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    /** Shows the message and a link to try the page again. */
    void show(String retryPath) {
        removeAll();
        setId("server-error");
        add(new H2("Server error"), new Paragraph(MESSAGE), new Anchor(retryPath, "Try again"));
    }
}
