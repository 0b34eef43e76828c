package io.livepush.tomcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardServer;
import org.apache.catalina.core.StandardService;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;

/** The listener on a real (not started) Tomcat {@code Server}: which connectors it sets, and to what. */
class TlsEngineListenerTest {

    private final StandardServer server = new StandardServer();
    private final Connector plain = new Connector();
    private final Connector https = new Connector();

    TlsEngineListenerTest() {
        StandardService service = new StandardService();
        server.addService(service);
        https.setPort(8443);
        https.setProperty("SSLEnabled", "true");
        service.addConnector(plain);
        service.addConnector(https);
    }

    @Test
    void jsseIsSetOnTheHttpsConnectorOnly() {
        fireBeforeInit(new TlsEngineListener("jsse"));

        assertThat(implementationOf(https)).isEqualTo("org.apache.tomcat.util.net.jsse.JSSEImplementation");
        assertThat(implementationOf(plain)).isNull();
    }

    @Test
    void autoSetsWhatTheRunningJvmSupports() {
        fireBeforeInit(new TlsEngineListener("auto"));

        assertThat(implementationOf(https)).isEqualTo(ExpectedTlsEngines.forThisJvm().implementationClassName());
    }

    @Test
    void aConnectorWithItsOwnImplementationKeepsIt() {
        ((AbstractHttp11Protocol<?>) https.getProtocolHandler()).setSslImplementationName("com.example.Custom");

        fireBeforeInit(new TlsEngineListener("jsse"));

        assertThat(implementationOf(https)).isEqualTo("com.example.Custom");
    }

    @Test
    void anUnknownEngineFailsWhenServerXmlIsParsed() {
        TlsEngineListener listener = new TlsEngineListener();

        assertThatThrownBy(() -> listener.setEngine("${LIVEPUSH_TLS_ENGINE}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto, jsse or openssl");
    }

    private void fireBeforeInit(TlsEngineListener listener) {
        listener.lifecycleEvent(new LifecycleEvent(server, Lifecycle.BEFORE_INIT_EVENT, null));
    }

    private static String implementationOf(Connector connector) {
        return ((AbstractHttp11Protocol<?>) connector.getProtocolHandler()).getSslImplementationName();
    }
}
