package io.livepush.admin.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Gives every portal session the {@link PortalErrorHandler}; registered through
 * {@code META-INF/services/com.vaadin.flow.server.VaadinServiceInitListener}.
 */
public final class PortalServiceInitListener implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new PortalErrorHandler()));
    }
}
