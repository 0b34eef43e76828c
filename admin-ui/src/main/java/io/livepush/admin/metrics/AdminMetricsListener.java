package io.livepush.admin.metrics;

import io.livepush.admin.AdminServices;
import io.livepush.metrics.NodeMetrics;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Registers the series of {@code admin.war} ({@link AdminMeters}) in the application's {@link NodeMetrics} and
 * subscribes them to every login. Declared in {@code web.xml} after {@code AdminBootstrap}.
 */
public final class AdminMetricsListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AdminMeters meters = new AdminMeters(NodeMetrics.from(event.getServletContext()).registry());
        AdminServices.from(event.getServletContext()).users().addLoginListener(meters);
        event.getServletContext().setAttribute(AdminMeters.ATTRIBUTE, meters);
    }
}
