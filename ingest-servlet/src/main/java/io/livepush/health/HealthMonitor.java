package io.livepush.health;

import io.livepush.origin.LiveSlot;
import io.livepush.origin.SlotDirectory;
import io.livepush.playlist.PlaylistViews;
import io.livepush.segment.SegmentStore;
import io.livepush.service.RenditionHealthService;
import io.livepush.store.Database;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs encoder health in the {@code live} application: subscribes an {@link EncoderHealth} to the store's uploads,
 * stores it as the servlet context attribute {@link RenditionHealthSource#ATTRIBUTE} (for metrics), and runs two
 * {@code livepush-health} threads every {@value #TICK_MILLIS} ms: one reads uploaded playlists and re-judges every
 * rendition, the other stores what is due in the database, so a slow database never delays the judging. No request
 * thread does more than note that a playlist arrived.
 */
public final class HealthMonitor implements AutoCloseable {

    /** How often playlists are read, renditions judged and due reports stored. */
    static final long TICK_MILLIS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final ScheduledExecutorService threads;

    private HealthMonitor(ScheduledExecutorService threads) {
        this.threads = threads;
    }

    /** Starts encoder health for {@code store}'s slots; call after {@code PlaylistViews} were attached. */
    public static HealthMonitor start(ServletContext context, SegmentStore store, SlotDirectory slots,
            Database database, String nodeId, Clock clock) {
        PlaylistViews views = PlaylistViews.from(context);
        EncoderHealth health = new EncoderHealth(store.root(), (shortname, name) -> {
            LiveSlot slot = slots.find(shortname, name);
            return slot == null ? null : slot.id();
        }, views::view, clock);
        store.addListener(health);
        context.setAttribute(RenditionHealthSource.ATTRIBUTE, health);
        RenditionHealthService service = new RenditionHealthService(database, clock);
        ScheduledExecutorService threads = Executors.newScheduledThreadPool(2,
                runnable -> new Thread(runnable, "livepush-health"));
        threads.scheduleWithFixedDelay(() -> guarded(health::process), TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(() -> guarded(() -> health.flush(
                (changed, gone) -> service.report(nodeId, changed, gone))), TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        return new HealthMonitor(threads);
    }

    /** Runs {@code work}, logging what it throws: an exception would cancel the periodic task for good. */
    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Encoder health failed; it goes on at the next tick", e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The livepush-health threads did not stop within 10 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
