package io.livepush.admin;

import io.livepush.security.PasswordHasher;
import io.livepush.service.AccountService;
import io.livepush.service.AdminUserService;
import io.livepush.service.ApiTokenService;
import io.livepush.service.IngestStatsService;
import io.livepush.service.PlaybackSigningService;
import io.livepush.service.PopService;
import io.livepush.service.RenditionHealthService;
import io.livepush.service.SlotListService;
import io.livepush.service.SlotService;
import io.livepush.store.Database;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database and builds {@link AdminServices} when {@code admin.war} starts, and closes the database when it
 * stops.
 * <dl>
 *   <dt>{@code java:comp/env/jdbc/livepush}</dt><dd>the MariaDB DataSource (required)</dd>
 *   <dt>{@value AdminConfig#MIGRATE}</dt><dd>apply Flyway migrations at startup; default {@code true}</dd>
 *   <dt>{@value AdminConfig#ALLOW_BASIC_OVER_HTTP}</dt><dd>accept API Basic auth over HTTP; default
 *       {@code false}</dd>
 *   <dt>{@value AdminConfig#PROVISIONING_TIMEOUT_SECONDS}</dt><dd>seconds the nodes have to load a slot change before
 *       it is {@code Not_Provisioned}; default 300</dd>
 *   <dt>{@value AdminConfig#NODE_SILENCE_SECONDS}</dt><dd>seconds an ingest node may go without a heartbeat and still
 *       count; default 30</dd>
 * </dl>
 */
public final class AdminBootstrap implements ServletContextListener {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String DATABASE = AdminBootstrap.class.getName() + ".database";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        AdminConfig config = AdminConfig.from(context);
        Database database = Database.fromJndi(config.migrate());
        context.setAttribute(DATABASE, database);
        context.setAttribute(AdminServices.ATTRIBUTE, build(database, config, Clock.systemUTC()));
        LOG.info("Admin portal started with context path [{}]", context.getContextPath());
    }

    /** Wires every service over {@code database}. */
    static AdminServices build(Database database, AdminConfig config, Clock clock) {
        PasswordHasher hasher = PasswordHasher.standard();
        return new AdminServices(new SlotService(database, hasher, clock, config.provisioning()),
                new SlotListService(database, clock, config.provisioning()),
                new AccountService(database, clock), new PopService(database, clock),
                new AdminUserService(database, hasher, clock), new ApiTokenService(database, clock),
                new PlaybackSigningService(database, clock), new IngestStatsService(database, clock),
                new RenditionHealthService(database, clock), config);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Object database = event.getServletContext().getAttribute(DATABASE);
        if (database instanceof Database open) {
            open.close();
        }
    }
}
