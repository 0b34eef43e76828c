package io.livepush.metrics;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Creates the web application's {@link NodeMetrics} when it starts (named after its context path: {@code live},
 * {@code admin}) and closes them when it stops. Declared first in {@code web.xml}, so every other listener, filter and
 * servlet finds the registry, and it is closed last.
 */
public final class MetricsListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String path = event.getServletContext().getContextPath();
        String application = path.isEmpty() ? "root" : path.substring(1);
        // Tomcat names its virtual server "<engine>/<host>", and its MBeans live in the engine's JMX domain.
        String server = event.getServletContext().getVirtualServerName();
        String jmxDomain = server == null || server.indexOf('/') <= 0 ? null : server.substring(0, server.indexOf('/'));
        event.getServletContext().setAttribute(NodeMetrics.ATTRIBUTE, NodeMetrics.start(application, jmxDomain));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (event.getServletContext().getAttribute(NodeMetrics.ATTRIBUTE) instanceof NodeMetrics metrics) {
            event.getServletContext().removeAttribute(NodeMetrics.ATTRIBUTE);
            metrics.close();
        }
    }
}
