package io.livepush.metrics;

import io.livepush.mediavault.MediaVaultReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToLongFunction;

/**
 * The playback series of {@code live.war}: requests by status, refusals by reason (the viewer rules, or the MediaVault
 * reason code), body bytes sent and manifest-cache hits and misses. Built for the hot path: every counter exists before
 * it is needed (one per status, created the first time that status occurs), so counting allocates nothing.
 * Stored as the servlet context attribute {@link #ATTRIBUTE} for {@code PlaybackFilter}.
 */
public final class PlaybackMeters {

    /** The servlet context attribute holding the playback meters. */
    public static final String ATTRIBUTE = PlaybackMeters.class.getName();
    private static final int STATUSES = 600;

    private final MeterRegistry registry;
    private final AtomicReferenceArray<Counter> statuses = new AtomicReferenceArray<>(STATUSES);
    private final Counter bytes;
    private final Counter viewerRule;
    private final Map<MediaVaultReason, Counter> mediaVault = new EnumMap<>(MediaVaultReason.class);

    PlaybackMeters(MeterRegistry registry) {
        this.registry = registry;
        bytes = Counter.builder("livepush.playback.bytes")
                .description("Body bytes of stored objects sent to viewers (full and range answers with a length)")
                .register(registry);
        viewerRule = refusals("viewer_rule");
        for (MediaVaultReason reason : MediaVaultReason.values()) {
            mediaVault.put(reason, refusals(reason.name().toLowerCase(Locale.ROOT)));
        }
    }

    /** The meters of {@code context}; fails loudly when the live metrics listener did not run. */
    public static PlaybackMeters from(ServletContext context) {
        if (context.getAttribute(ATTRIBUTE) instanceof PlaybackMeters meters) {
            return meters;
        }
        throw new IllegalStateException("LiveMetricsListener has not run: declare it in web.xml");
    }

    /** Counts a request once its answer is decided: its status and, for a full or range answer, its body bytes. */
    public void answered(HttpServletRequest req, HttpServletResponse resp) {
        int status = resp.getStatus();
        status(status).increment();
        if ((status == HttpServletResponse.SC_OK || status == HttpServletResponse.SC_PARTIAL_CONTENT)
                && "GET".equals(req.getMethod())) {
            String length = resp.getHeader("Content-Length");
            if (length != null) {
                bytes.increment(parseLength(length));
            }
        }
    }

    /** Counts a request the slot's viewer rules refused. */
    public void refusedByViewerRule() {
        viewerRule.increment();
    }

    /** Counts a request MediaVault refused, by its reason code. */
    public void refusedByMediaVault(MediaVaultReason reason) {
        mediaVault.get(reason).increment();
    }

    /** Registers the manifest cache's hit and miss counts, read when scraped. */
    public <T> void bindManifestCache(T cache, ToLongFunction<T> hits, ToLongFunction<T> misses) {
        bindCache("livepush.playback.manifest.cache.requests", cache, hits,
                "Playlist and manifest requests answered from memory", misses,
                "Playlist and manifest requests that read the file");
    }

    /** Registers the MediaVault verdict cache's hit and miss counts, read when scraped. */
    public <T> void bindVerdictCache(T cache, ToLongFunction<T> hits, ToLongFunction<T> misses) {
        bindCache("livepush.playback.verdict.cache.requests", cache, hits,
                "MediaVault checks answered from a remembered allow", misses,
                "Cacheable MediaVault checks that ran the verifier");
    }

    private <T> void bindCache(String name, T cache, ToLongFunction<T> hits, String hitMeaning,
            ToLongFunction<T> misses, String missMeaning) {
        FunctionCounter.builder(name, cache, hits::applyAsLong).tag("result", "hit").description(hitMeaning)
                .register(registry);
        FunctionCounter.builder(name, cache, misses::applyAsLong).tag("result", "miss").description(missMeaning)
                .register(registry);
    }

    /** Registers the number of LL-HLS blocking playlist reloads held now, read when scraped. */
    public <T> void bindHeldReloads(T held, ToLongFunction<T> count) {
        Gauge.builder("livepush.playback.llhls.held.requests", held, h -> count.applyAsLong(h))
                .description("LL-HLS blocking playlist reloads held now, waiting for their segment or part")
                .register(registry);
    }

    private Counter status(int status) {
        int index = status >= 0 && status < STATUSES ? status : 0;
        Counter counter = statuses.get(index);
        if (counter == null) {
            counter = Counter.builder("livepush.playback.requests").tag("status", Integer.toString(index))
                    .description("Playback requests answered, by status").register(registry);
            statuses.set(index, counter);
        }
        return counter;
    }

    private Counter refusals(String reason) {
        return Counter.builder("livepush.playback.refusals").tag("reason", reason)
                .description("Playback requests refused by the viewer rules or MediaVault, by reason")
                .register(registry);
    }

    private static long parseLength(String length) {
        try {
            return Math.max(0, Long.parseLong(length));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
