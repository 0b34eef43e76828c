package io.livepush.segment;

import io.livepush.origin.LiveSlot;
import io.livepush.origin.Origin;
import io.livepush.origin.SlotDirectory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired segments (SPEC §6) on the web application's one expiry thread, {@code livepush-expiry}.
 * <p>
 * Declared in {@code web.xml} after {@code OriginBootstrap}, whose {@link Origin} it uses, and therefore destroyed
 * before it. At startup it subscribes an {@link ExpiryIndex} to the {@link SegmentStore}, so every upload is indexed
 * as it is published, then rebuilds the index from the storage (on the expiry thread, so deployment does not wait),
 * removing in the same walk the upload temp files a crashed run left ({@link StaleUploads}), and runs an
 * {@link ExpirySweep} every {@code expiry.sweepSeconds}. Each slot's file expiry is read from the slot rules
 * {@link SlotDirectory} holds; files of slots this node does not serve are left alone. The thread is stopped with
 * {@code shutdownNow} and awaited on undeploy.
 * <dl>
 * <dt>{@code expiry.sweepSeconds}</dt><dd>the sweep period, 1–60 seconds, default 1</dd>
 * </dl>
 */
public class SegmentExpiryListener implements ServletContextListener {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentExpiryListener.class);
    private static final long STOP_SECONDS = 10;

    private final Clock clock;
    private ScheduledExecutorService executor;

    public SegmentExpiryListener() {
        this(Clock.systemUTC());
    }

    /** For tests: sweeps with {@code clock} instead of the system clock. */
    SegmentExpiryListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ExpiryConfig config = ExpiryConfig.from(event.getServletContext());
        Origin origin = Origin.from(event.getServletContext());
        ExpiryIndex index = new ExpiryIndex(origin.store().root());
        origin.store().addListener(index);
        ExpirySweep sweep = new ExpirySweep(index, expiryOf(origin.slots()), clock);
        ExpiryActivity activity = new ExpiryActivity(index);
        event.getServletContext().setAttribute(ExpiryActivity.ATTRIBUTE, activity);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "livepush-expiry"));
        StaleUploads uploads = new StaleUploads(clock.instant());
        executor.execute(() -> scan(index, uploads));
        executor.scheduleWithFixedDelay(() -> sweep(sweep, activity), config.sweepSeconds(), config.sweepSeconds(),
                TimeUnit.SECONDS);
        LOG.info("Segment expiry sweeps [{}] every [{}] s", index.root(), config.sweepSeconds());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The livepush-expiry thread did not stop within [{}] seconds", STOP_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The expiry of the slots {@code slots} serves, looked up lock-free in its snapshot. */
    static ExpirySweep.SlotExpiry expiryOf(SlotDirectory slots) {
        return (shortname, name) -> {
            LiveSlot slot = slots.find(shortname, name);
            return slot == null ? OptionalInt.empty() : OptionalInt.of(slot.rules().fileExpirySeconds());
        };
    }

    private void scan(ExpiryIndex index, StaleUploads uploads) {
        try {
            index.scan(uploads);
        } catch (IOException | RuntimeException e) {
            // Uploads from now on are still indexed; only files older than this start wait for the next restart.
            LOG.error("Cannot scan the storage for existing files; they will not expire until the next restart", e);
        }
        // Counted from the scan's end, not the start: on a large store the scan itself can take longer than QUIET,
        // and a young temp file seen at its end must stay unchanged for a full QUIET before it counts as left behind.
        executor.schedule(uploads::removeQuiet, StaleUploads.QUIET.toSeconds(), TimeUnit.SECONDS);
    }

    private static void sweep(ExpirySweep sweep, ExpiryActivity activity) {
        try {
            long started = System.nanoTime();
            ExpirySweep.Result result = sweep.run();
            activity.swept(result, System.nanoTime() - started);
            if (result.due() > 0) {
                LOG.debug("Sweep: [{}] due, [{}] deleted, [{}] ended streams", result.due(), result.deleted(),
                        result.endedStreams());
            }
        } catch (RuntimeException e) {
            // An exception would cancel every later run of a scheduled task; log it and sweep again next period.
            LOG.error("The expiry sweep failed; retrying in the next period", e);
        }
    }
}
