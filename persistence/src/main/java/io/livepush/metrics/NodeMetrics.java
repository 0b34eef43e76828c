package io.livepush.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.binder.tomcat.TomcatMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One web application's Prometheus registry (Micrometer): the JVM, process and Tomcat connector series of Micrometer's
 * own binders, every series tagged {@code application} with the WAR's name, plus whatever the application registers.
 * Stored as the servlet context attribute {@link #ATTRIBUTE}; {@link MetricsServlet} serves it.
 * <p>
 * Series that are cheaper to compute when asked than to keep current (per-slot gauges) register a
 * {@linkplain #beforeScrape refresh} that runs before every scrape.
 */
public final class NodeMetrics implements AutoCloseable {

    /** The servlet context attribute holding the application's metrics. */
    public static final String ATTRIBUTE = NodeMetrics.class.getName();
    /** Prometheus text format 0.0.4, the default answer. */
    public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
    /** OpenMetrics 1.0, answered when the {@code Accept} header asks for it (as Prometheus does by default). */
    public static final String OPENMETRICS_FORMAT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(NodeMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Runnable> refreshes = new CopyOnWriteArrayList<>();

    private NodeMetrics(String application, String jmxDomain) {
        registry.config().commonTags(Tags.of("application", application));
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        closeables.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        // Connector traffic, errors and thread pools from Tomcat's own MBeans; no session Manager: neither WAR's
        // sessions are worth a series.
        TomcatMetrics tomcat = new TomcatMetrics(null, Tags.empty());
        if (jmxDomain != null) {
            tomcat.setJmxDomain(jmxDomain);
        }
        tomcat.bindTo(registry);
        closeables.add(tomcat);
    }

    /**
     * Creates the registry of the web application {@code application} with the JVM, process and Tomcat series, the
     * latter read from the MBeans in {@code jmxDomain} (the engine's name; {@code null}: Micrometer looks for
     * {@code Catalina} and {@code Tomcat}).
     */
    public static NodeMetrics start(String application, String jmxDomain) {
        return new NodeMetrics(application, jmxDomain);
    }

    /** The metrics of {@code context}; fails loudly when the web application's metrics listener did not run. */
    public static NodeMetrics from(ServletContext context) {
        if (context.getAttribute(ATTRIBUTE) instanceof NodeMetrics metrics) {
            return metrics;
        }
        throw new IllegalStateException("The metrics listener has not run: declare it in web.xml");
    }

    /** The registry series are registered in. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Runs {@code refresh} before every scrape (it must be quick and must not throw). */
    public void beforeScrape(Runnable refresh) {
        refreshes.add(refresh);
    }

    /** The format to answer a request with this {@code Accept} header (may be null). */
    public static String contentType(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_FORMAT : TEXT_FORMAT;
    }

    /** Writes every series in {@code contentType} ({@link #TEXT_FORMAT} or {@link #OPENMETRICS_FORMAT}). */
    public void scrape(OutputStream out, String contentType) throws IOException {
        for (Runnable refresh : refreshes) {
            refresh.run();
        }
        registry.scrape(out, contentType);
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Cannot stop the metrics binder [{}]", closeable.getClass().getSimpleName(), e);
            }
        }
        registry.close();
    }
}
