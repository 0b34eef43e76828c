package io.livepush.metrics;

import io.livepush.health.RenditionHealthSource;
import io.livepush.origin.Origin;
import io.livepush.peer.PeerFill;
import io.livepush.origin.SlotDirectory;
import io.livepush.segment.ExpiryActivity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Clock;

/**
 * Registers the series of {@code live.war} (docs/operations.md) in the application's {@link NodeMetrics}: ingest
 * ({@link IngestMeters}), playback ({@link PlaybackMeters}, stored for the playback filter), expiry
 * ({@link ExpiryMeters}), encoder health per rendition ({@link RenditionMeters}), peer fill when it is on
 * ({@link PeerFillMeters}), the slot rules (slots served, age
 * of the snapshot, version, database reachable) and the free
 * space of the storage volume. Declared in {@code web.xml} after {@code OriginBootstrap} and
 * {@code SegmentExpiryListener}, whose objects it observes.
 * <dl>
 * <dt>{@value #MAX_SLOT_SERIES}</dt><dd>how many slots get series of their own (by slot ID); later slots are summed
 * under {@code slot="other"}; 0–10000, default {@value #DEFAULT_MAX_SLOT_SERIES}</dd>
 * </dl>
 */
public final class LiveMetricsListener implements ServletContextListener {

    /** Context parameter: the cap on slots with series of their own. */
    public static final String MAX_SLOT_SERIES = "metrics.maxSlotSeries";
    static final int DEFAULT_MAX_SLOT_SERIES = 100;
    private static final int MOST_SLOT_SERIES = 10_000;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        NodeMetrics metrics = NodeMetrics.from(context);
        MeterRegistry registry = metrics.registry();
        Origin origin = Origin.from(context);
        SlotLabels labels = new SlotLabels(maxSlotSeries(context.getInitParameter(MAX_SLOT_SERIES)));
        IngestMeters ingest = new IngestMeters(registry, labels, origin.statistics());
        origin.statistics().addListener(ingest);
        metrics.beforeScrape(ingest::refreshRates);
        context.setAttribute(PlaybackMeters.ATTRIBUTE, new PlaybackMeters(registry));
        ExpiryActivity expiry = ExpiryActivity.from(context);
        if (expiry != null) {
            expiry.addListener(new ExpiryMeters(registry, expiry, Clock.systemUTC()));
        }
        if (context.getAttribute(RenditionHealthSource.ATTRIBUTE) instanceof RenditionHealthSource health) {
            metrics.beforeScrape(new RenditionMeters(registry, labels, health)::refresh);
        }
        bindSlotRules(registry, origin.slots());
        PeerFill peerFill = PeerFill.from(context);
        if (peerFill.enabled()) {
            PeerFillMeters.bind(registry, peerFill);
        }
        new DiskSpaceMetrics(origin.config().storageRoot().toFile(), Tags.of("volume", "storage")).bindTo(registry);
    }

    private static void bindSlotRules(MeterRegistry registry, SlotDirectory slots) {
        Gauge.builder("livepush.slots", slots, SlotDirectory::size).description("Slots this node serves")
                .register(registry);
        Gauge.builder("livepush.database.up", slots, directory -> directory.isDatabaseReachable() ? 1 : 0)
                .description("1 when the last reload of the slot rules reached the database").register(registry);
        Gauge.builder("livepush.slot.rules.age.seconds", slots, directory -> directory.sinceLastSync().toMillis()
                / 1000.0).description("Time since the slot rules were last confirmed current").register(registry);
        Gauge.builder("livepush.slot.rules.version", slots, SlotDirectory::loadedVersion)
                .description("The configuration version this node has loaded").register(registry);
    }

    /** Parses {@value #MAX_SLOT_SERIES}; a bad value stops the deployment. */
    static int maxSlotSeries(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_SLOT_SERIES;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 0 && parsed <= MOST_SLOT_SERIES) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new IllegalStateException(MAX_SLOT_SERIES + " must be a whole number from 0 to " + MOST_SLOT_SERIES
                + " (was '" + value + "')");
    }
}
