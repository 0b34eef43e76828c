package io.livepush.tomcat;

import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Server;
import org.apache.catalina.Service;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;

/**
 * A {@code Server} listener that picks the TLS engine of every HTTPS connector before the connectors start, as
 * {@link TlsEngineChoice} decides (JSSE by default; with {@code auto}, OpenSSL through FFM on Java 22+ when
 * {@code libssl.so} loads), and says which in one INFO line: {@code TLS engine [JSSE] for HTTPS port [8443] (...)}. A
 * connector whose {@code sslImplementationName} is already set keeps it.
 * <dl>
 * <dt>{@code engine}</dt>
 * <dd>{@code jsse} (default), {@code auto} or {@code openssl}; the distribution's {@code server.xml} sets it from
 * {@code LIVEPUSH_TLS_ENGINE}. {@code openssl} where OpenSSL cannot run, or an unknown value, stops the start.</dd>
 * </dl>
 * Used by the distribution's {@code server.xml} ({@code lib/livepush-tomcat-valves.jar}) and by the quick start.
 */
public final class TlsEngineListener implements LifecycleListener {

    private static final Log LOG = LogFactory.getLog(TlsEngineListener.class);

    private String engine = TlsEngineChoice.DEFAULT;

    public TlsEngineListener() {
    }

    public TlsEngineListener(String engine) {
        setEngine(engine);
    }

    /** {@code auto}, {@code jsse} or {@code openssl}; checked at once, so a bad value fails while parsing. */
    public void setEngine(String engine) {
        if (!TlsEngineChoice.isValidSetting(engine)) {
            throw new IllegalArgumentException("'" + engine + "' is not a TLS engine (" + TlsEngineChoice.VARIABLE
                    + " is auto, jsse or openssl)");
        }
        this.engine = engine;
    }

    public String getEngine() {
        return engine;
    }

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (!Lifecycle.BEFORE_INIT_EVENT.equals(event.getType()) || !(event.getLifecycle() instanceof Server server)) {
            return;
        }
        List<AbstractHttp11Protocol<?>> tls = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (Service service : server.findServices()) {
            for (Connector connector : service.findConnectors()) {
                ProtocolHandler handler = connector.getProtocolHandler();
                if (handler instanceof AbstractHttp11Protocol<?> http && http.isSSLEnabled()
                        && http.getSslImplementationName() == null) {
                    tls.add(http);
                    ports.add(connector.getPort());
                }
            }
        }
        if (tls.isEmpty()) {
            return;
        }
        int java = Runtime.version().feature();
        TlsEngineChoice choice = TlsEngineChoice.decide(engine, java, OpenSslLoad::attempt);
        for (AbstractHttp11Protocol<?> http : tls) {
            http.setSslImplementationName(choice.engine().implementationClassName());
        }
        LOG.info(choice.describe("HTTPS port " + ports, java));
    }
}
