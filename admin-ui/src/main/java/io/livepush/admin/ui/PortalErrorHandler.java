package io.livepush.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import io.livepush.service.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's handler for failures in event listeners and data loading after a screen is shown: an unreachable
 * database becomes the plain notification "{@value DatabaseUnavailableException#MESSAGE}" (logged once as a warning,
 * without the stack trace); anything else goes to Vaadin's default handler, which logs it.
 */
public final class PortalErrorHandler implements ErrorHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PortalErrorHandler.class);

    private final ErrorHandler fallback = new DefaultErrorHandler();

    @Override
    public void error(ErrorEvent event) {
        DatabaseUnavailableException unavailable = databaseUnavailable(event.getThrowable());
        if (unavailable == null) {
            fallback.error(event);
            return;
        }
        LOG.warn("Portal request failed: the database is unreachable ({})", unavailable.getCause());
        if (UI.getCurrent() != null) {
            Notifications.error(DatabaseUnavailableException.MESSAGE);
        }
    }

    /** The {@link DatabaseUnavailableException} in {@code failure}'s chain of causes, or {@code null}. */
    static DatabaseUnavailableException databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }
}
