package io.livepush.quickstart;

import io.livepush.store.ConnectionTimeouts;
import io.livepush.tomcat.HalfCloseHttp11NioProtocol;
import io.livepush.tomcat.TlsEngineChoice;
import io.livepush.tomcat.TlsEngineListener;
import io.livepush.tomcat.TokenSafeAccessLogValve;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.AccessLogValve;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.RemoteCIDRValve;
import org.apache.catalina.webresources.DirResourceSet;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.descriptor.web.ApplicationParameter;
import org.apache.tomcat.util.descriptor.web.ContextResource;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * The quick start's embedded Tomcat 11: HTTP for playback and the portal, HTTPS (self-signed) for publishing and the
 * API, both on the {@code --bind} address (loopback by default), and both WARs as the assembled distribution deploys
 * them: {@code /live} with its storage mounted at {@code /play} (uncached) and {@code /admin} (behind a
 * {@code RemoteCIDRValve}, {@code --admin-allow}), each with the {@code jdbc/livepush} DataSource. Both connectors
 * offer HTTP/2 as the distribution's do (h2 by ALPN on HTTPS, h2c on HTTP). Requests go to an access log in
 * {@code {data}/logs} with the distribution's pattern. The HTTPS connector runs on the TLS engine that
 * {@code LIVEPUSH_TLS_ENGINE} (jsse by default, auto, openssl) and the distribution's {@link TlsEngineListener}
 * decide, with the distribution's {@link HalfCloseHttp11NioProtocol}; the log says which engine.
 */
final class QuickStartServer {

    /** The publishing connector's TLS protocols, the same as tomcat-conf's default {@code LIVEPUSH_TLS_PROTOCOLS}. */
    static final String PUBLISHING_TLS_PROTOCOLS = "TLSv1.2";

    /** The pattern of the distribution's access log ({@code tomcat-conf/conf/server.xml}). */
    static final String ACCESS_LOG_PATTERN = "%a %l %t \"%m %U %H\" %s %b %D \"%{User-Agent}i\"";

    private final Tomcat tomcat = new Tomcat();

    /** Starts Tomcat; throws when a connector cannot bind or a web application fails to start. */
    void start(QuickStartOptions options, Path keystore, String keystorePassword, DatabaseLogin database)
            throws IOException, LifecycleException {
        Path base = Files.createDirectories(options.dataDir().resolve("tomcat"));
        Files.createDirectories(base.resolve("webapps"));
        Path storage = Files.createDirectories(options.dataDir().resolve("storage"));
        tomcat.setBaseDir(base.toString());
        Connector http = new Connector();
        http.setPort(options.httpPort());
        http.setProperty("address", options.bindAddress());
        http.addUpgradeProtocol(http2());
        tomcat.setConnector(http);
        Connector https = publishing(options.httpsPort(), keystore, keystorePassword);
        https.setProperty("address", options.bindAddress());
        tomcat.getService().addConnector(https);
        tomcat.getServer().addLifecycleListener(new TlsEngineListener(System.getenv(TlsEngineChoice.VARIABLE)));
        tomcat.enableNaming();
        tomcat.getHost().setAutoDeploy(false);
        tomcat.getHost().getPipeline().addValve(plainErrorReports());
        tomcat.getHost().getPipeline().addValve(accessLog(options.dataDir().resolve("logs")));
        tomcat.setAddDefaultWebXmlToWebapp(false);

        Context live = tomcat.addWebapp("/live", war(base, "live.war").toString());
        live.getJarScanner().setJarScanFilter((type, name) -> false);
        addDefaultServlet(live);
        parameters(live, Map.of("origin.nodeId", "quickstart", "origin.pop", DemoData.POP,
                "storage.root", storage.toString()));
        parameters(live, metricsAccess(System.getenv()));
        live.addLifecycleListener(event -> {
            if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                live.getResources().setCachingAllowed(false);
                live.getResources().addPreResources(new DirResourceSet(live.getResources(), "/play",
                        storage.toString(), "/"));
            }
        });
        dataSource(live, database);

        Context admin = tomcat.addWebapp("/admin", war(base, "admin.war").toString());
        addDefaultServlet(admin);
        dataSource(admin, database);
        parameters(admin, metricsAccess(System.getenv()));
        admin.getPipeline().addValve(adminNetworks(options.adminAllow()));

        tomcat.start();
        for (Context context : new Context[] {live, admin}) {
            if (!context.getState().isAvailable()) {
                throw new LifecycleException("The web application " + context.getPath() + " did not start");
            }
        }
    }

    void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    private static Connector publishing(int port, Path keystore, String password) {
        Connector https = new Connector(HalfCloseHttp11NioProtocol.class.getName());
        https.setPort(port);
        https.setSecure(true);
        https.setScheme("https");
        https.setProperty("SSLEnabled", "true");
        https.setProperty("maxKeepAliveRequests", "-1");
        https.setProperty("keepAliveTimeout", "120000");
        https.setProperty("continueResponseTiming", "onRead");
        SSLHostConfig ssl = new SSLHostConfig();
        // TLS 1.2 only, as tomcat-conf ships it: under TLS 1.3 Tomcat 11's NIO connector loses most requests a
        // client sends on a new connection and closes at once, which is how ffmpeg sends every DELETE
        // (docs/encoders.md).
        ssl.setProtocols(PUBLISHING_TLS_PROTOCOLS);
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl,
                SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(keystore.toString());
        certificate.setCertificateKeystorePassword(password);
        certificate.setCertificateKeystoreType("PKCS12");
        ssl.addCertificate(certificate);
        https.addSslHostConfig(ssl);
        // Players negotiate h2 by ALPN; ffmpeg offers no ALPN and keeps publishing over HTTP/1.1.
        https.addUpgradeProtocol(http2());
        return https;
    }

    /**
     * HTTP/2 as the distribution's {@code server.xml} offers it: without sendfile, which in Tomcat 11 never recycles the
     * stream it served, so every segment sent by it kept its request and response until 500 newer streams had
     * passed on that connection (docs/decisions.md).
     */
    private static Http2Protocol http2() {
        Http2Protocol h2 = new Http2Protocol();
        h2.setUseSendfile(false);
        return h2;
    }

    /** Error pages without a stack trace or the server's version, as the distribution's server.xml has them. */
    private static ErrorReportValve plainErrorReports() {
        ErrorReportValve valve = new ErrorReportValve();
        valve.setShowReport(false);
        valve.setShowServerInfo(false);
        return valve;
    }

    /** What a stock Tomcat's conf/web.xml gives every application, without JSP (the embedded jar has none). */
    private static void addDefaultServlet(Context context) {
        Tomcat.addDefaultMimeTypeMappings(context);
        Wrapper servlet = context.createWrapper();
        servlet.setName("default");
        servlet.setServletClass(DefaultServlet.class.getName());
        servlet.addInitParameter("listings", "false");
        servlet.setLoadOnStartup(1);
        context.addChild(servlet);
        context.addServletMappingDecoded("/", "default");
    }

    /**
     * Who may read {@code /live/metrics} and {@code /admin/metrics}: {@code LIVEPUSH_METRICS_ALLOW} and
     * {@code LIVEPUSH_METRICS_TOKEN} from the environment, as the distribution reads them; unset, the WARs' defaults
     * (loopback only, no token).
     */
    static Map<String, String> metricsAccess(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        String allow = environment.get("LIVEPUSH_METRICS_ALLOW");
        String token = environment.get("LIVEPUSH_METRICS_TOKEN");
        if (allow != null && !allow.isBlank()) {
            values.put("metrics.allow", allow);
        }
        if (token != null && !token.isBlank()) {
            values.put("metrics.token", token);
        }
        return values;
    }

    private static void parameters(Context context, Map<String, String> values) {
        values.forEach((name, value) -> {
            ApplicationParameter parameter = new ApplicationParameter();
            parameter.setName(name);
            parameter.setValue(value);
            parameter.setOverride(false);
            context.addApplicationParameter(parameter);
        });
    }

    private static void dataSource(Context context, DatabaseLogin database) {
        ContextResource resource = new ContextResource();
        resource.setName("jdbc/livepush");
        resource.setType("org.mariadb.jdbc.MariaDbPoolDataSource");
        resource.setProperty("factory", "org.apache.naming.factory.BeanFactory");
        resource.setProperty("url", ConnectionTimeouts.applyTo(database.url()));
        resource.setProperty("user", database.user());
        resource.setProperty("password", database.password());
        context.getNamingResources().addResource(resource);
    }

    /** As the distribution's {@code admin.xml}: only these networks reach the portal and the API (else 403). */
    private static RemoteCIDRValve adminNetworks(List<String> blocks) {
        RemoteCIDRValve valve = new RemoteCIDRValve();
        valve.setAllow(String.join(", ", blocks));
        return valve;
    }

    /**
     * As the distribution's {@code server.xml}: {@code %U} is the path without the query, so no MediaVault query token
     * is logged, and no header that carries credentials ({@code Authorization}, {@code Cookie}) is; path-based tokens
     * are left out too ({@link TokenSafeAccessLogValve}).
     */
    private static AccessLogValve accessLog(Path directory) {
        AccessLogValve valve = new TokenSafeAccessLogValve();
        valve.setDirectory(directory.toString());
        valve.setPrefix("access");
        valve.setSuffix(".log");
        valve.setPattern(ACCESS_LOG_PATTERN);
        // Lines appear at once (a demo is watched with tail -f) and survive a kill -9.
        valve.setBuffered(false);
        return valve;
    }

    /** Copies a WAR from the quick-start jar into Tomcat's base folder (replacing an older copy). */
    private static Path war(Path base, String name) throws IOException {
        Path target = base.resolve("webapps").resolve(name);
        try (InputStream in = QuickStartServer.class.getResourceAsStream("/livepush-wars/" + name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the quick-start jar; build it with 'mvn package'");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
