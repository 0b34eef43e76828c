package io.livepush.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.WebResourceRoot;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.AccessLogValve;
import org.apache.catalina.webresources.DirResourceSet;
import org.apache.catalina.webresources.StandardRoot;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.naming.factory.ResourceLinkFactory;
import org.apache.tomcat.util.IntrospectionUtils;
import org.apache.tomcat.util.descriptor.web.ApplicationParameter;
import org.apache.tomcat.util.descriptor.web.ContextResource;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * The real {@code live.war} (the exploded {@code target/live} Maven built) in an embedded Tomcat 11 with an HTTP and
 * an HTTPS connector on free ports, its {@code jdbc/livepush} DataSource pointing at a test schema. Both connectors
 * offer HTTP/2 as tomcat-conf's {@code server.xml} does (h2 by ALPN on HTTPS, h2c on HTTP). Scanning is off and
 * failures throw, as in Tomcat's own {@code TomcatBaseTest}.
 */
public final class LiveTomcat implements AutoCloseable {

    /**
     * The publishing connector's protocol handler, as shipped in tomcat-conf's {@code server.xml} and the quick start;
     * {@code -Dlivepush.test.httpsProtocol=org.apache.coyote.http11.Http11Nio2Protocol} measures the alternative.
     */
    public static final String PUBLISHING_PROTOCOL = "org.apache.coyote.http11.Http11NioProtocol";
    /**
     * The TLS protocols of the publishing connector, as shipped: TLS 1.2 only, because under TLS 1.3 Tomcat loses most
     * requests a client sends on a new connection and closes at once, which is how ffmpeg sends every {@code DELETE}
     * (docs/encoders.md). {@code -Dlivepush.test.tlsProtocols=TLSv1.3} reproduces it in {@code FfmpegPushIT}, and
     * {@code -Dlivepush.test.sslImplementation} selects another TLS implementation (OpenSSL through FFM on Java 22+).
     */
    public static final String PUBLISHING_TLS_PROTOCOLS = "TLSv1.2";

    private static final AtomicInteger ENGINES = new AtomicInteger();

    private final Tomcat tomcat;
    private final Connector http;
    private final Connector https;
    private final SelfSignedCertificate certificate;
    private boolean closed;

    private LiveTomcat(Tomcat tomcat, Connector http, Connector https, SelfSignedCertificate certificate) {
        this.tomcat = tomcat;
        this.http = http;
        this.https = https;
        this.certificate = certificate;
    }

    /**
     * Starts Tomcat with the web application at {@code /live}.
     *
     * @param parameters context parameters (for example {@code storage.root}, {@code origin.nodeId}, {@code origin.pop})
     */
    public static LiveTomcat start(String jdbcUrl, Path baseDir, Map<String, String> parameters) throws Exception {
        return start(jdbcUrl, baseDir, parameters, Map.of());
    }

    /**
     * Starts Tomcat as {@link #start(String, Path, Map)} does, with extra attributes for the HTTPS connector, as they
     * would appear on its {@code <Connector>} in {@code server.xml} (the ingest benchmark tunes it this way).
     */
    public static LiveTomcat start(String jdbcUrl, Path baseDir, Map<String, String> parameters,
            Map<String, String> httpsProperties) throws Exception {
        Path war = Path.of(System.getProperty("livepush.war", "target/live"));
        if (!Files.isDirectory(war.resolve("WEB-INF"))) {
            throw new IllegalStateException("No exploded WAR at " + war + ": run the ITs through 'mvn verify'");
        }
        Files.createDirectories(baseDir.resolve("webapps"));
        SelfSignedCertificate certificate =
                SelfSignedCertificate.create(Files.createDirectories(baseDir.resolve("tls")));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        // JNDI contexts are named after engine, host and context: two nodes in one JVM need two engine names.
        tomcat.getEngine().setName("live-" + ENGINES.incrementAndGet());
        // A bench may try another protocol class here, or other connector attributes (benchConnectorProperties;
        // bench/README.md, SERVER_JAVA_OPTS); the tests never do.
        Connector http = new Connector(System.getProperty("livepush.test.httpProtocol", "HTTP/1.1"));
        http.setPort(0);
        // Players and CDNs keep their connections for many requests, as encoders do on the HTTPS connector.
        http.setProperty("maxKeepAliveRequests", "-1");
        // As tomcat-conf's server.xml: one node holds up to 10 000 open playback connections (held LL-HLS reloads).
        http.setProperty("maxConnections", "10000");
        Http2Protocol h2c = http2();
        http.addUpgradeProtocol(h2c);
        benchConnectorProperties(http, h2c);
        tomcat.setConnector(http);
        Connector https = httpsConnector(certificate);
        httpsProperties.forEach(https::setProperty);
        tomcat.getService().addConnector(https);
        tomcat.enableNaming();
        tomcat.getHost().setAutoDeploy(false);
        // Tomcat's default web.xml would add the JSP servlet, which the embedded jar lacks; add only what
        // conf/web.xml gives every application in a real Tomcat and live.war relies on: the default servlet.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("/live", war.toAbsolutePath().toString());
        Tomcat.addDefaultMimeTypeMappings(context);
        mountStorage(context, parameters.get("storage.root"));
        Wrapper defaultServlet = context.createWrapper();
        defaultServlet.setName("default");
        defaultServlet.setServletClass(DefaultServlet.class.getName());
        defaultServlet.addInitParameter("listings", "false");
        defaultServlet.setLoadOnStartup(1);
        context.addChild(defaultServlet);
        context.addServletMappingDecoded("/", "default");
        context.getJarScanner().setJarScanFilter((type, name) -> false);
        // The test class path is not Tomcat's lib/: initialisers found there (the portal's Vaadin and Jersey, when
        // admin-ui's ITs run a node) are not the container's and must not run in live.war.
        context.setContainerSciFilter(".*");
        parameters.forEach((name, value) -> {
            // As a <Parameter override="false"/> in the context file: wins over the web.xml default.
            ApplicationParameter parameter = new ApplicationParameter();
            parameter.setName(name);
            parameter.setValue(value);
            parameter.setOverride(false);
            context.addApplicationParameter(parameter);
        });
        ContextResource resource = new ContextResource();
        resource.setName("jdbc/livepush");
        resource.setType(SwitchableJndiDataSource.class.getName());
        resource.setProperty("factory", "org.apache.naming.factory.BeanFactory");
        resource.setProperty("url", jdbcUrl);
        context.getNamingResources().addResource(resource);
        tomcat.getServer().setUtilityThreads(1);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            tomcat.destroy();
            throw e;
        }
        if (!context.getState().isAvailable()) {
            tomcat.stop();
            tomcat.destroy();
            throw new IllegalStateException("The live web application did not start; see the log above");
        }
        return new LiveTomcat(tomcat, http, https, certificate);
    }

    /**
     * Adds an access log to the host, as the {@code AccessLogValve} of tomcat-conf's {@code server.xml} does. Call it
     * before the first request: Tomcat collects a host's access logs once, at its first request.
     */
    public void addAccessLog(Path directory, String pattern) {
        AccessLogValve valve = new AccessLogValve();
        valve.setDirectory(directory.toAbsolutePath().toString());
        valve.setPrefix("access");
        valve.setSuffix(".log");
        valve.setPattern(pattern);
        tomcat.getHost().getPipeline().addValve(valve);
    }

    /**
     * Adds a context that serves {@code docBase} with a stock Tomcat {@code DefaultServlet} (resource cache on, no
     * filter, no checks), the reference the playback benchmark compares {@code /live/play} with.
     */
    public void addStockContext(String contextPath, Path docBase) {
        Context context = tomcat.addContext(contextPath, docBase.toAbsolutePath().toString());
        Tomcat.addDefaultMimeTypeMappings(context);
        Wrapper defaultServlet = Tomcat.addServlet(context, "default", new DefaultServlet());
        defaultServlet.addInitParameter("listings", "false");
        context.addServletMappingDecoded("/", "default");
    }

    /**
     * Mounts the storage root at {@code /play} with Tomcat's resource cache off, exactly as the {@code <Resources>}
     * element of docs/install-live.md does in a real deployment; the playback filter guards the mount.
     */
    private static void mountStorage(Context context, String storageRoot) {
        if (storageRoot == null) {
            return;
        }
        WebResourceRoot resources = new StandardRoot(context);
        resources.setCachingAllowed(false);
        DirResourceSet storage = new DirResourceSet(resources, "/play", storageRoot, "/");
        storage.setReadOnly(true);
        resources.addPreResources(storage);
        context.setResources(resources);
    }

    private static Connector httpsConnector(SelfSignedCertificate certificate) {
        Connector https = new Connector(System.getProperty("livepush.test.httpsProtocol", PUBLISHING_PROTOCOL));
        https.setPort(0);
        https.setSecure(true);
        https.setScheme("https");
        https.setProperty("SSLEnabled", "true");
        https.setProperty("maxKeepAliveRequests", "-1");
        // Send "100 Continue" only once the servlet reads the body, so a PUT refused up front (413, 401, 415) never
        // invites the encoder to send it; Tomcat's default ("immediately") answers 100 before the servlet runs.
        https.setProperty("continueResponseTiming", "onRead");
        String sslImplementation = System.getProperty("livepush.test.sslImplementation");
        if (sslImplementation != null) {
            https.setProperty("sslImplementationName", sslImplementation);
        }
        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setProtocols(System.getProperty("livepush.test.tlsProtocols", PUBLISHING_TLS_PROTOCOLS));
        SSLHostConfigCertificate cert = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        cert.setCertificateKeystoreFile(certificate.keystore().toString());
        cert.setCertificateKeystorePassword(certificate.password());
        cert.setCertificateKeystoreType("PKCS12");
        ssl.addCertificate(cert);
        https.addSslHostConfig(ssl);
        https.addUpgradeProtocol(http2());
        return https;
    }

    /**
     * HTTP/2 as tomcat-conf's {@code server.xml} offers it: without sendfile, which in Tomcat 11 never recycles the
     * stream it served (docs/decisions.md).
     */
    private static Http2Protocol http2() {
        Http2Protocol h2 = new Http2Protocol();
        h2.setUseSendfile(false);
        return h2;
    }

    /**
     * Sets {@code livepush.test.http.<attribute>} system properties as attributes of the HTTP connector, and
     * {@code livepush.test.h2.<attribute>} ones as attributes of its HTTP/2 protocol.
     */
    private static void benchConnectorProperties(Connector http, Http2Protocol h2c) {
        for (String name : System.getProperties().stringPropertyNames()) {
            String value = System.getProperty(name);
            boolean known;
            if (name.startsWith("livepush.test.http.")) {
                known = http.setProperty(name.substring("livepush.test.http.".length()), value);
            } else if (name.startsWith("livepush.test.h2.")) {
                known = IntrospectionUtils.setProperty(h2c, name.substring("livepush.test.h2.".length()), value);
            } else {
                continue;
            }
            if (!known) {
                throw new IllegalArgumentException("The HTTP connector has no attribute for " + name);
            }
        }
    }

    /** The publishing connector's protocol handler class, e.g. {@code Http11Nio2Protocol}. */
    public String httpsProtocol() {
        return https.getProtocolHandlerClassName();
    }

    /** The TLS protocols the publishing connector accepts, as configured. */
    public String tlsProtocols() {
        return https.findSslHostConfigs()[0].getProtocols().toString();
    }

    public int httpsPort() {
        return https.getLocalPort();
    }

    public int httpPort() {
        return http.getLocalPort();
    }

    /** {@code https://127.0.0.1:{port}/live{path}}. */
    public URI https(String path) {
        return URI.create("https://127.0.0.1:" + httpsPort() + "/live" + path);
    }

    /** {@code http://127.0.0.1:{port}/live{path}}. */
    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + httpPort() + "/live" + path);
    }

    /** An HTTP/1.1 client that trusts this Tomcat's certificate. */
    public HttpClient client() throws IOException, GeneralSecurityException {
        return client(HttpClient.Version.HTTP_1_1);
    }

    /**
     * A client of {@code version} that trusts this Tomcat's certificate; with {@code HTTP_2} it negotiates h2 by ALPN
     * over HTTPS and upgrades to h2c over HTTP.
     */
    public HttpClient client(HttpClient.Version version) throws IOException, GeneralSecurityException {
        return HttpClient.newBuilder()
                .version(version)
                .sslContext(certificate.trustingContext())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public SelfSignedCertificate certificate() {
        return certificate;
    }

    /** Stops and destroys Tomcat; a second call does nothing (a test may stop a node before its fixture closes). */
    @Override
    public synchronized void close() throws LifecycleException {
        if (closed) {
            return;
        }
        closed = true;
        // Tomcat keeps one global naming context per JVM, the last started server's; with two nodes in one JVM, the
        // other one's web application could not deregister from it while stopping.
        ResourceLinkFactory.setGlobalContext(tomcat.getServer().getGlobalNamingContext());
        tomcat.stop();
        tomcat.destroy();
    }
}
