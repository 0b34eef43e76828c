package io.livepush.admin;

import io.livepush.domain.Actor;
import io.livepush.domain.AdminRole;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.security.PasswordHasher;
import io.livepush.service.AccountDraft;
import io.livepush.service.AccountService;
import io.livepush.service.AdminUserService;
import io.livepush.service.ApiTokenService;
import io.livepush.service.IngestStatsService;
import io.livepush.service.PopDraft;
import io.livepush.service.PopRecord;
import io.livepush.service.PopService;
import io.livepush.service.SlotListService;
import io.livepush.service.SlotService;
import io.livepush.store.ConnectionTimeouts;
import io.livepush.store.Database;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.naming.factory.ResourceLinkFactory;
import org.apache.tomcat.util.descriptor.web.ApplicationParameter;
import org.apache.tomcat.util.descriptor.web.ContextResource;

/**
 * The built {@code admin.war} in an embedded Tomcat on a free port, over a fresh MariaDB schema seeded with two
 * accounts ({@code acme}, {@code globex}), three PoPs and three users.
 * <p>
 * The DataSource reaches the web application the way a real context file gives it: Tomcat naming is enabled and the
 * context gets a {@code jdbc/livepush} {@link ContextResource}, built by Tomcat's {@code BeanFactory} as a
 * {@code MariaDbPoolDataSource} with the schema's URL (the driver is on the test class path, as it would be in
 * Tomcat's {@code lib/}).
 */
public final class AdminServer implements AutoCloseable {

    public static final String PASSWORD = "correct-horse-battery";
    public static final Actor OPERATOR = Actor.operator("ops");
    public static final Actor ALICE = Actor.accountAdmin("alice", "acme");
    public static final Actor BOB = Actor.accountAdmin("bob", "globex");

    public final TestSchema schema;
    public final Database database;
    public final Clock clock = Clock.systemUTC();
    public final PasswordHasher hasher = PasswordHasher.standard();
    public final AccountService accounts;
    public final PopService pops;
    public final SlotService slots;
    public final SlotListService slotList;
    public final AdminUserService users;
    public final ApiTokenService tokens;
    public final IngestStatsService stats;
    public final PopRecord euPop;
    public final PopRecord euBackupPop;
    public final PopRecord naPop;
    private final Path baseDir;
    private final Tomcat tomcat = new Tomcat();
    private final String jdbcUrl;
    private final Map<String, String> parameters;

    public AdminServer() throws IOException, LifecycleException {
        this(TestDatabases.freshSchema());
    }

    /** The same, over {@code schema} (e.g. on a server the test starts and stops itself); closing drops it. */
    public AdminServer(TestSchema schema) throws IOException, LifecycleException {
        this(schema, schema.jdbcUrl(), Map.of());
    }

    /**
     * The same, with the web application's DataSource on {@code jdbcUrl} (for example a Galera node other than the
     * one the seeding used) and extra context parameters, each as a {@code <Parameter override="false"/>} of
     * {@code admin.xml}.
     */
    public AdminServer(TestSchema schema, String jdbcUrl, Map<String, String> parameters)
            throws IOException, LifecycleException {
        this.schema = schema;
        this.jdbcUrl = jdbcUrl;
        this.parameters = Map.copyOf(parameters);
        database = schema.openDatabase();
        accounts = new AccountService(database, clock);
        pops = new PopService(database, clock);
        slots = new SlotService(database, hasher, clock);
        slotList = new SlotListService(database, clock);
        users = new AdminUserService(database, hasher, clock);
        tokens = new ApiTokenService(database, clock);
        stats = new IngestStatsService(database, clock);
        accounts.create(OPERATOR, new AccountDraft("acme", "Acme Corp", 500_000,
                Map.of(SlotType.LIVE_PUSH, 100, SlotType.TRANSMUX, 2, SlotType.TRANSCODE_720P, 1)));
        accounts.create(OPERATOR, new AccountDraft("globex", "Globex", 10_000, Map.of(SlotType.LIVE_PUSH, 3)));
        euPop = pops.create(OPERATOR, new PopDraft("eu1", Region.EUROPE, "https://eu1.example.com/live",
                "http://play-eu1.example.com/live"));
        euBackupPop = pops.create(OPERATOR, new PopDraft("eu2", Region.EUROPE, "https://eu2.example.com/live",
                "https://play-eu2.example.com/live"));
        naPop = pops.create(OPERATOR, new PopDraft("na1", Region.NORTH_AMERICA, "https://na1.example.com/live",
                "http://play-na1.example.com/live"));
        users.createFirstOperator("ops", PASSWORD);
        users.create(OPERATOR, "alice", PASSWORD, AdminRole.ACCOUNT_ADMIN, "acme");
        users.create(OPERATOR, "bob", PASSWORD, AdminRole.ACCOUNT_ADMIN, "globex");
        baseDir = Files.createTempDirectory("livepush-admin-it");
        Files.createDirectories(baseDir.resolve("webapps"));
        start();
    }

    private void start() throws LifecycleException {
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getHost().setAppBase(baseDir.resolve("webapps").toString());
        tomcat.enableNaming();
        tomcat.getConnector();
        Context context = tomcat.addWebapp("/admin", warPath().toString());
        ContextResource resource = new ContextResource();
        resource.setName("jdbc/livepush");
        resource.setType("org.mariadb.jdbc.MariaDbPoolDataSource");
        resource.setProperty("factory", "org.apache.naming.factory.BeanFactory");
        String separator = jdbcUrl.contains("?") ? "&" : "?";
        // The product's time-outs, as the quick start sets them.
        resource.setProperty("url", ConnectionTimeouts.applyTo(jdbcUrl + separator + "maxPoolSize=8&minPoolSize=0"));
        context.getNamingResources().addResource(resource);
        parameters.forEach((name, value) -> {
            ApplicationParameter parameter = new ApplicationParameter();
            parameter.setName(name);
            parameter.setValue(value);
            parameter.setOverride(false);
            context.addApplicationParameter(parameter);
        });
        tomcat.getHost().setAutoDeploy(false);
        tomcat.getHost().getPipeline().addValve(plainErrorReports());
        tomcat.getServer().setUtilityThreads(1);
        ((org.apache.catalina.core.StandardHost) tomcat.getHost()).setUnpackWARs(true);
        tomcat.start();
        if (!context.getState().isAvailable()) {
            throw new IllegalStateException("admin.war did not start; see the log above");
        }
    }

    /** Error pages without a stack trace or the server's version, as the distribution's server.xml configures. */
    static ErrorReportValve plainErrorReports() {
        ErrorReportValve valve = new ErrorReportValve();
        valve.setShowReport(false);
        valve.setShowServerInfo(false);
        return valve;
    }

    /** The built WAR: Failsafe passes its path; a run from the IDE falls back to target/. */
    static Path warPath() {
        String configured = System.getProperty("livepush.adminWar");
        Path war = configured != null ? Path.of(configured) : Path.of("target", "admin.war");
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("No WAR at " + war.toAbsolutePath() + ": run mvn verify");
        }
        return war;
    }

    /** Where screenshots and other test output go. */
    public static Path targetDir() {
        return Path.of(System.getProperty("livepush.targetDir", "target"));
    }

    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    /**
     * Adds a plain-HTTP connector on a free port whose requests count as secure, as behind a TLS-terminating proxy
     * with {@code RemoteIpValve} or on an HTTPS connector; returns its port.
     */
    public int addSecureConnector() throws LifecycleException {
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setSecure(true);
        connector.setScheme("https");
        tomcat.getService().addConnector(connector);
        return connector.getLocalPort();
    }

    /** {@code http://localhost:port/admin/}. */
    public String baseUrl() {
        return "http://localhost:" + port() + "/admin/";
    }

    @Override
    public void close() throws Exception {
        try {
            // Tomcat keeps one global naming context per JVM, the last started server's; with live.war nodes in the
            // same JVM (ScaleOutApiIT), admin.war could not deregister from it while stopping.
            ResourceLinkFactory.setGlobalContext(tomcat.getServer().getGlobalNamingContext());
            tomcat.stop();
            tomcat.destroy();
        } finally {
            database.close();
            schema.close();
            try (Stream<Path> files = Files.walk(baseDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
