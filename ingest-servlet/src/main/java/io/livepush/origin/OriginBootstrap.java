package io.livepush.origin;

import io.livepush.health.HealthMonitor;
import io.livepush.ingest.IngestAuthenticator;
import io.livepush.ingest.IngestStatistics;
import io.livepush.peer.PeerFill;
import io.livepush.peer.PeerFillConfig;
import io.livepush.security.PasswordHasher;
import io.livepush.playlist.PlaylistViews;
import io.livepush.segment.SegmentStore;
import io.livepush.service.IngestStatsService;
import io.livepush.service.NodeService;
import io.livepush.service.PopService;
import io.livepush.store.Database;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code live} application's shared objects ({@link Origin}) and runs its database thread.
 * <p>
 * Reads the {@code jdbc/livepush} DataSource from JNDI (validating the schema, never migrating it) and the context
 * parameters of {@link OriginConfig}. Its one thread, {@code livepush-sync}, loads changed slot rules, sends the
 * heartbeat and flushes ingest statistics every {@code origin.slotRefreshSeconds}; no request thread ever waits on the
 * database. File expiry runs on its own thread ({@code SegmentExpiryListener}) so that a slow database never delays it.
 * <dl>
 * <dt>{@code storage.root}</dt><dd>where slot files live (required)</dd>
 * <dt>{@code origin.nodeId}</dt><dd>this node's unique name in heartbeats (required)</dd>
 * <dt>{@code origin.pop}</dt><dd>the PoP this node serves (required; must exist in the portal)</dd>
 * <dt>{@code origin.slotRefreshSeconds}</dt><dd>rule reload and heartbeat period, default 2</dd>
 * <dt>{@code ingest.*}</dt><dd>see {@link OriginConfig}</dd>
 * <dt>{@code peerFill.*}</dt><dd>filling gaps from the peer PoP, see {@link PeerFillConfig}</dd>
 * </dl>
 */
public final class OriginBootstrap implements ServletContextListener {

    private static final Logger LOG = LoggerFactory.getLogger(OriginBootstrap.class);

    private Database database;
    private ScheduledExecutorService sync;
    private ExecutorService credentialRenewals;
    private HealthMonitor health;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        OriginConfig config = OriginConfig.from(event.getServletContext());
        createStorageRoot(config);
        Clock clock = Clock.systemUTC();
        database = Database.fromJndi(false);
        NodeService nodes = new NodeService(database, clock);
        IngestStatsService statsService = new IngestStatsService(database, clock);
        SegmentStore store = new SegmentStore(config.storageRoot());
        PlaylistViews.attach(event.getServletContext(), store);
        SlotDirectory slots = new SlotDirectory(nodes, store, config);
        credentialRenewals = Executors.newSingleThreadExecutor(
                runnable -> new Thread(runnable, "livepush-credential-renewal"));
        IngestAuthenticator authenticator = new IngestAuthenticator(PasswordHasher.standard(), clock,
                credentialRenewals);
        slots.onChange(authenticator::forget);
        IngestStatistics statistics = new IngestStatistics(clock, config.bitrateTolerance());
        PeerFill peerFill = new PeerFill(PeerFillConfig.from(event.getServletContext()), config.pop(), store,
                config.maxObjectBytes(), statistics, clock);
        PopService pops = new PopService(database, clock);
        slots.sync();
        peerFill.refreshPeers(pops);
        health = HealthMonitor.start(event.getServletContext(), store, slots, database, config.nodeId(), clock);
        event.getServletContext().setAttribute(Origin.ATTRIBUTE,
                new Origin(config, slots, store, authenticator, statistics, clock));
        event.getServletContext().setAttribute(PeerFill.ATTRIBUTE, peerFill);
        sync = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "livepush-sync"));
        sync.scheduleWithFixedDelay(() -> {
            slots.sync();
            peerFill.refreshPeers(pops);
            flush(statistics, statsService, config.nodeId());
        }, config.slotRefreshSeconds(), config.slotRefreshSeconds(), TimeUnit.SECONDS);
        LOG.info("Live origin [{}] of PoP [{}] serves [{}] at config version [{}], peer fill [{}]", config.nodeId(),
                config.pop(), config.storageRoot(), slots.loadedVersion(), peerFill.enabled() ? "on" : "off");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (health != null) {
            health.close();
        }
        if (event.getServletContext().getAttribute(PeerFill.ATTRIBUTE) instanceof PeerFill peerFill) {
            peerFill.close();
        }
        stop(sync, "livepush-sync");
        stop(credentialRenewals, "livepush-credential-renewal");
        if (database != null) {
            database.close();
        }
    }

    private static void stop(ExecutorService executor, String thread) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The {} thread did not stop within 10 seconds", thread);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void flush(IngestStatistics statistics, IngestStatsService service, String nodeId) {
        try {
            service.report(nodeId, statistics.reports());
        } catch (RuntimeException e) {
            LOG.debug("Cannot flush ingest statistics; they are kept for the next flush", e);
        }
    }

    private static void createStorageRoot(OriginConfig config) {
        try {
            Files.createDirectories(config.storageRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create storage.root [" + config.storageRoot() + "]", e);
        }
    }
}
