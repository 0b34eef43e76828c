package io.livepush.llhls;

import io.livepush.playback.CacheHeaders;
import io.livepush.playlist.MediaPlaylist;
import io.livepush.playlist.PlaylistViews;
import io.livepush.playlist.PublishedPlaylist;
import io.livepush.segment.UploadsInFlight;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LL-HLS step of playback's ladder: media playlist requests with delivery directives ({@code _HLS_msn},
 * {@code _HLS_part}, {@code _HLS_skip}; draft-pantos-hls-rfc8216bis §6.2.5). Requests without directives are left
 * to the ordinary path, byte for byte as published.
 * <ul>
 * <li>A malformed directive, {@code _HLS_part} without {@code _HLS_msn}, or a request too far ahead: 400.</li>
 * <li>A blocking request the playlist does not satisfy yet is held ({@link HeldReloads}) until it does, or answered
 * 503 after three target durations.</li>
 * <li>{@code _HLS_skip=YES|v2} gets a delta update when the playlist offers one ({@code CAN-SKIP-UNTIL}).</li>
 * <li>After {@code EXT-X-ENDLIST}, or for a playlist that does not offer blocking reloads, {@code _HLS_msn} and
 * {@code _HLS_part} are ignored.</li>
 * <li>{@code Cache-Control} of a blocking answer: {@code max-age} of six target durations (Appendix B.1; a CDN keys
 * it by the directives); other answers keep playback's playlist value; {@code private} where the answer sets the
 * MediaVault cookie; refusals {@code no-store}.</li>
 * <li>In a low-latency slot, a live fMP4 playlist without parts of its own gets origin-made parts
 * ({@link PartSources}, {@link OriginParts}), with or without directives; a held request is then also answered when a
 * new part completes. The parts' byte ranges of a segment still uploading are served by playback's in-flight relay
 * ({@code InFlightResponse}), like any other range of an object in flight.</li>
 * </ul>
 */
public final class LowLatencyPlaylists implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LowLatencyPlaylists.class);
    /** How many target durations a blocking request is held at most. */
    static final int HOLD_TARGET_DURATIONS = 3;
    /** How many target durations a blocking answer may be cached. */
    static final int BLOCKING_MAX_AGE_TARGET_DURATIONS = 6;
    private static final long SWEEP_SECONDS = 10;

    private final PlaylistViews views;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService scanning;
    private final HeldReloads held;
    private final GrowingSegments growing;
    private final PartSources parts;

    public LowLatencyPlaylists(PlaylistViews views, UploadsInFlight uploads) {
        this.views = views;
        this.timer = new ScheduledThreadPoolExecutor(1, daemon("livepush-llhls-timer"));
        timer.setRemoveOnCancelPolicy(true);
        this.scanning = Executors.newSingleThreadExecutor(daemon("livepush-llhls-scan"));
        this.held = new HeldReloads(timer);
        this.growing = new GrowingSegments(uploads, scanning, held::changed);
        this.parts = new PartSources(growing);
        views.addListener(held::changed);
        timer.scheduleWithFixedDelay(growing::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Answers {@code req} when it is a media playlist request with delivery directives, or one of a low-latency slot
     * that gets origin-made parts; returns {@code false}, touching nothing, when the ordinary path should serve it.
     * The object headers (type, CORS, {@code Cache-Control}) are already set.
     *
     * @param file          the stored playlist file
     * @param slotDirectory the slot's directory
     * @param lowLatency    the slot's low-latency setting
     * @param privateAnswer whether the answer sets the MediaVault cookie (so it must stay {@code private})
     */
    public boolean answer(HttpServletRequest req, HttpServletResponse resp, Path file, Path slotDirectory,
            boolean lowLatency, boolean privateAnswer) throws IOException {
        String query = req.getQueryString();
        boolean directivesGiven = query != null && query.contains("_HLS_");
        if (!directivesGiven && !lowLatency || !PlaylistViews.isPlaylist(file.getFileName().toString())) {
            return false;
        }
        Supplier<PlaylistAnswer> source = () -> current(file, slotDirectory, lowLatency);
        PlaylistAnswer current = source.get();
        if (current == null || !directivesGiven && !current.originMade()) {
            return false;
        }
        DeliveryDirectives directives;
        try {
            directives = DeliveryDirectives.parse(query);
        } catch (IllegalArgumentException e) {
            refuse(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return true;
        }
        MediaPlaylist playlist = current.playlist();
        switch (BlockingReloadRules.decide(playlist, directives)) {
            case TOO_FAR_AHEAD -> refuse(resp, HttpServletResponse.SC_BAD_REQUEST, "_HLS_msn/_HLS_part is too far"
                    + " ahead of the playlist (last segment " + playlist.lastMediaSequence() + ")");
            case HOLD -> hold(req, resp, file, source, directives, playlist.targetDuration(), privateAnswer);
            default -> write(req, resp, current, directives, privateAnswer);
        }
        return true;
    }

    @Override
    public void close() {
        growing.close();
        scanning.shutdownNow();
        timer.shutdownNow();
    }

    /** The number of requests held now. */
    public int heldRequests() {
        return held.size();
    }

    /** The playlist at {@code file} as it would be answered now; {@code null} when it is no media playlist. */
    private PlaylistAnswer current(Path file, Path slotDirectory, boolean lowLatency) {
        PublishedPlaylist published = views.published(file);
        return published == null ? null : parts.answer(published, file, slotDirectory, lowLatency);
    }

    private void hold(HttpServletRequest req, HttpServletResponse resp, Path file, Supplier<PlaylistAnswer> source,
            DeliveryDirectives directives, int targetDuration, boolean privateAnswer) {
        AsyncContext context = req.startAsync(req, resp);
        long timeoutMillis = TimeUnit.SECONDS.toMillis(Math.max(1, targetDuration) * (long) HOLD_TARGET_DURATIONS);
        held.hold(context, file, timeoutMillis, source,
                now -> BlockingReloadRules.decide(now.playlist(), directives) != BlockingReloadRules.Outcome.HOLD,
                answer -> {
                    try {
                        write(req, resp, answer, directives, privateAnswer);
                    } catch (IOException e) {
                        LOG.debug("A held playlist request for [{}] ended before its answer", file, e);
                    }
                }, () -> {
                    try {
                        refuse(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The playlist did not reach _HLS_msn "
                                + directives.msn() + " within " + HOLD_TARGET_DURATIONS + " target durations");
                    } catch (IOException e) {
                        LOG.debug("A held playlist request for [{}] ended before its 503", file, e);
                    }
                });
    }

    private static void write(HttpServletRequest req, HttpServletResponse resp, PlaylistAnswer answer,
            DeliveryDirectives directives, boolean privateAnswer) throws IOException {
        MediaPlaylist playlist = answer.playlist();
        byte[] body = directives.skip() ? answer.deltaBody() : answer.body();
        if (BlockingReloadRules.applies(playlist, directives)) {
            String maxAge = "max-age=" + (long) Math.max(1, playlist.targetDuration())
                    * BLOCKING_MAX_AGE_TARGET_DURATIONS;
            resp.setHeader("Cache-Control", privateAnswer ? "private, " + maxAge : maxAge);
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(body);
        }
    }

    private static void refuse(HttpServletResponse resp, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setHeader("Cache-Control", CacheHeaders.NO_STORE);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName(name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
