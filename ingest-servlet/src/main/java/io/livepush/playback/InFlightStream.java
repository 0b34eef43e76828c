package io.livepush.playback;

import io.livepush.segment.UploadInFlight;
import io.livepush.segment.UploadListener;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays one upload in flight to one reader without a thread of its own: the bytes the upload has announced are read
 * from its temporary file in chunks of {@value #CHUNK} bytes (one buffer per container thread, none per reader) and
 * written with the non-blocking Servlet API. When the socket is full the pump stops until the container calls
 * {@link #onWritePossible}; when the reader has everything announced it stops until the upload grows. Either wake-up
 * hands the next pump to a small pool of {@code livepush-inflight} threads (one per CPU, {@link InFlightResponse}):
 * the upload's thread never does a reader's I/O, and hundreds of readers never crowd it out of the CPU with hundreds
 * of busy container threads.
 * <p>
 * The response ends normally (the terminating chunk) only once the upload is published and every byte was sent. When
 * the upload aborts, nothing more is written and the response is aborted instead: the asynchronous cycle is timed out
 * at once, and with no listener completing it, the container's error handling closes the connection (HTTP/1.1) or
 * resets the stream (HTTP/2) of the committed response, so no client or cache takes the bytes for a whole object.
 * A pump that is woken by the socket after the abort throws, which closes the connection without waiting for the
 * time-out.
 */
final class InFlightStream implements WriteListener, UploadListener, AsyncListener {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightStream.class);

    /** Bytes read from the file and written per step: bounds what the container buffers for a slow reader. */
    static final int CHUNK = 16 * 1024;
    /** One per pump thread (a handful), none per reader. */
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(CHUNK));

    private final AsyncContext async;
    private final Executor pumps;
    private final ServletOutputStream out;
    private final UploadInFlight upload;
    private final InFlightRange range;
    /** True while a pump runs or waits for the socket; false while it waits for the upload. */
    private final AtomicBoolean busy = new AtomicBoolean(true);
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean aborted;
    private FileChannel file;
    private boolean released;
    private long position;
    private boolean unflushed;

    private InFlightStream(AsyncContext async, Executor pumps, ServletOutputStream out, UploadInFlight upload,
            InFlightRange range) {
        this.async = async;
        this.pumps = pumps;
        this.out = out;
        this.upload = upload;
        this.range = range;
        this.position = range.first();
    }

    /**
     * Starts relaying {@code upload} as the body of {@code async}'s response, whose status and headers are set: the
     * container calls {@link #onWritePossible} once this request's thread returns.
     */
    static void start(AsyncContext async, Executor pumps, UploadInFlight upload, InFlightRange range)
            throws IOException {
        InFlightStream stream = new InFlightStream(async, pumps, async.getResponse().getOutputStream(), upload, range);
        // No time-out while the upload lasts: the end of the upload, or the socket's own time-outs, end the response.
        async.setTimeout(0);
        async.addListener(stream);
        stream.out.setWriteListener(stream);
        upload.subscribe(stream);
    }

    @Override
    public void onWritePossible() throws IOException {
        if (aborted && !ended.get()) {
            // Throwing here makes the container close the connection of the committed response at once.
            throw new IOException("The upload of " + upload.target().getFileName() + " was aborted");
        }
        // The pump holds busy while it waits for the socket, so this is the only pump now.
        schedule();
    }

    /** Writes what the upload has announced while the socket takes it; only the holder of {@link #busy} pumps. */
    private void pump() throws IOException {
        while (true) {
            if (aborted || ended.get()) {
                return;
            }
            UploadInFlight.State state = upload.state();
            long available = available();
            while (position < available) {
                if (!out.isReady()) {
                    return;
                }
                writeChunk(available);
            }
            if (unflushed) {
                if (!out.isReady()) {
                    return;
                }
                out.flush();
                unflushed = false;
            }
            if (position >= range.end() || state == UploadInFlight.State.PUBLISHED) {
                finish();
                return;
            }
            if (state == UploadInFlight.State.ABORTED) {
                abort();
                return;
            }
            busy.set(false);
            // An announcement between the reads above and now found the pump busy; look again.
            if (available() <= position && upload.state() == UploadInFlight.State.IN_FLIGHT && !aborted
                    || !busy.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** The end of what may be sent now: the announced bytes, within the range. */
    private long available() {
        return Math.min(upload.bytes(), range.end());
    }

    private void writeChunk(long available) throws IOException {
        if (file == null) {
            FileChannel opened = upload.open();
            synchronized (this) {
                if (released) {
                    opened.close();
                    throw new IOException("The response of " + upload + " is over");
                }
                file = opened;
            }
        }
        ByteBuffer buffer = BUFFERS.get();
        buffer.clear().limit((int) Math.min(CHUNK, available - position));
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("The file of " + upload + " ended before its announced length");
            }
        }
        out.write(buffer.array(), 0, buffer.limit());
        position += buffer.limit();
        unflushed = true;
    }

    /**
     * The range was sent, or the upload is published and its bytes were sent: complete, or abort a range the object
     * ended before.
     */
    private void finish() {
        if (range.partial() && position < range.end()) {
            // The object ended before the range did: the promised Content-Length cannot be kept.
            abort();
            return;
        }
        if (ended.compareAndSet(false, true)) {
            release();
            async.complete();
        }
    }

    /** Ends the response without its terminating chunk (see the class comment). */
    private void abort() {
        aborted = true;
        if (ended.get()) {
            return;
        }
        try {
            async.setTimeout(1);
        } catch (IllegalStateException e) {
            // The request is over already (the client went away): nothing to abort.
        }
    }

    private void wake() {
        if (busy.compareAndSet(false, true)) {
            schedule();
        }
    }

    private void schedule() {
        try {
            pumps.execute(this::pumpFromTask);
        } catch (RejectedExecutionException e) {
            // The application is stopping.
            abort();
        }
    }

    private void pumpFromTask() {
        try {
            pump();
        } catch (IOException | IllegalStateException e) {
            // The client went away or the file vanished: the container reports the socket's error to onError.
            LOG.debug("Relaying {} stopped", upload, e);
            abort();
        }
    }

    @Override
    public void grew(UploadInFlight upload, long bytes) {
        if (bytes > position) {
            wake();
        }
    }

    @Override
    public void published(UploadInFlight upload) {
        wake();
    }

    @Override
    public void aborted(UploadInFlight upload) {
        abort();
        wake();
    }

    @Override
    public void onError(Throwable t) {
        LOG.debug("Relaying {} failed", upload, t);
        release();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        release();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // Only an abort sets a time-out; not completing lets the container close the committed response.
        release();
    }

    @Override
    public void onError(AsyncEvent event) {
        release();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not restarted.
    }

    private synchronized void release() {
        released = true;
        upload.unsubscribe(this);
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.debug("Cannot close the file of {}", upload, e);
            }
        }
    }
}
