package io.livepush.playback;

import io.livepush.segment.UploadInFlight;
import io.livepush.segment.UploadsInFlight;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The playback ladder's step for objects in flight (issue 12): no complete file exists at the requested path, but an
 * upload of it is arriving and the slot has low latency on. The answer is {@code 200} with the bytes received so far
 * and then the rest as they arrive, chunked, without {@code Content-Length}, {@code ETag} or {@code Last-Modified},
 * ending when the upload is published and aborted when the upload aborts ({@link InFlightStream}). A reader that comes
 * late starts at byte 0. The caller has applied the object's headers (type, {@code nosniff}, policy, CORS, cookie).
 * <ul>
 * <li>{@code HEAD}: {@code 200} with the same headers and no body (the length is not known yet).</li>
 * <li>{@code Range: bytes=first-last} (one closed range, no {@code If-Range}): {@code 206} with
 * {@code Content-Range: bytes first-last/*} and its {@code Content-Length}, sent as soon as the bytes arrive; aborted
 * when the object ends before {@code last}. Any other {@code Range} is ignored: {@code 200} with everything.</li>
 * <li>{@code If-None-Match}, {@code If-Modified-Since}: an object in flight has no validator, so they never match:
 * {@code 200}. {@code If-Match}, {@code If-Unmodified-Since}: {@code 412}, the object cannot satisfy them yet.</li>
 * <li>{@code Cache-Control}: the manifest value ({@code playback.manifestCacheControl}, {@code max-age=1} by default)
 * rather than a segment's file expiry.</li>
 * </ul>
 */
public final class InFlightResponse implements AutoCloseable {

    private final UploadsInFlight uploads;
    private final CacheHeaders cacheHeaders;
    /** The threads that write to readers: one per CPU, daemon, named {@code livepush-inflight-N}. */
    private final ExecutorService pumps;

    public InFlightResponse(UploadsInFlight uploads, CacheHeaders cacheHeaders) {
        this.uploads = uploads;
        this.cacheHeaders = cacheHeaders;
        AtomicInteger threads = new AtomicInteger();
        this.pumps = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), task -> {
            Thread thread = new Thread(task, "livepush-inflight-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stops the reader threads (the application stops); responses still relaying are aborted. */
    @Override
    public void close() {
        pumps.shutdownNow();
    }

    /**
     * Answers the request from the upload in flight to {@code file}, if there is one.
     *
     * @param applyObjectHeaders sets the headers a stored object of this path would get
     * @param setsCookie         whether those headers set the MediaVault cookie
     * @return false when no upload of {@code file} is in flight (the caller answers 404)
     */
    public boolean answer(HttpServletRequest req, HttpServletResponse resp, Path file, Runnable applyObjectHeaders,
            boolean setsCookie) throws IOException {
        Optional<UploadInFlight> found = uploads.find(file);
        if (found.isEmpty() || found.get().state() == UploadInFlight.State.ABORTED) {
            return false;
        }
        applyObjectHeaders.run();
        resp.setHeader("Cache-Control", cacheHeaders.inFlightCacheControl(setsCookie));
        if (req.getHeader("If-Match") != null || req.getHeader("If-Unmodified-Since") != null) {
            resp.setStatus(HttpServletResponse.SC_PRECONDITION_FAILED);
            return true;
        }
        InFlightRange range = InFlightRange.of(req.getHeader("Range"), req.getHeader("If-Range"));
        if (range.partial()) {
            resp.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            resp.setHeader("Content-Range", range.contentRange());
            resp.setContentLengthLong(range.length());
        } else {
            resp.setStatus(HttpServletResponse.SC_OK);
        }
        if ("HEAD".equals(req.getMethod())) {
            // Committing now keeps the container from adding "Content-Length: 0" to an answer without a body.
            resp.flushBuffer();
            return true;
        }
        AsyncContext async = req.startAsync();
        InFlightStream.start(async, pumps, found.get(), range);
        return true;
    }
}
