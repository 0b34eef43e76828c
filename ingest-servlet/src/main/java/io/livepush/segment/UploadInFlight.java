package io.livepush.segment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upload arriving at this node: its target, the temporary file its body goes to and how many bytes that file
 * holds so far. Announced by {@link SegmentStore#write} through {@link UploadsInFlight}: started, then grown any number
 * of times, then published or aborted. Bytes below {@link #bytes()} are in the temporary file and never change, so a
 * reader may read them with positional reads while the upload goes on.
 * <p>
 * Thread-safe. Growth and the end are announced on the uploading thread; {@link #subscribe} may be called from any
 * thread, and a subscriber that comes after the end hears it at once, on its own thread.
 */
public final class UploadInFlight {

    private static final Logger LOG = LoggerFactory.getLogger(UploadInFlight.class);

    /** Where an upload stands. */
    public enum State {
        IN_FLIGHT,
        PUBLISHED,
        ABORTED
    }

    private final Path target;
    private final Path tempFile;
    private final boolean watchedFromStart;
    private final List<UploadListener> listeners = new CopyOnWriteArrayList<>();
    private volatile long bytes;
    private volatile State state = State.IN_FLIGHT;

    UploadInFlight(Path target, Path tempFile, boolean watchedFromStart) {
        this.target = target;
        this.tempFile = tempFile;
        this.watchedFromStart = watchedFromStart;
    }

    /** The path the upload is published at. */
    public Path target() {
        return target;
    }

    /** The temporary file the body is written to; renamed to {@link #target()} when published, deleted when aborted. */
    public Path tempFile() {
        return tempFile;
    }

    /** The bytes of the body that are in the temporary file, readable by anyone who opens it. */
    public long bytes() {
        return bytes;
    }

    public State state() {
        return state;
    }

    /**
     * Opens the upload's bytes for reading: the temporary file, or the published target when the upload was renamed
     * just before. Read only below {@link #bytes()}. The caller closes the channel.
     *
     * @throws NoSuchFileException when the upload was aborted (its temporary file is gone)
     */
    public FileChannel open() throws IOException {
        try {
            return FileChannel.open(tempFile, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            if (state == State.PUBLISHED) {
                return FileChannel.open(target, StandardOpenOption.READ);
            }
            throw e;
        }
    }

    /**
     * Tells {@code listener} about this upload's growth and end from now on; when the upload has ended already, the
     * listener hears the end at once on this thread. Cancel with {@link #unsubscribe}.
     */
    public void subscribe(UploadListener listener) {
        State now;
        synchronized (this) {
            now = state;
            if (now == State.IN_FLIGHT) {
                listeners.add(listener);
                return;
            }
        }
        tellEnd(listener, now);
    }

    /** Stops telling {@code listener} anything; harmless when it was not subscribed. */
    public void unsubscribe(UploadListener listener) {
        listeners.remove(listener);
    }

    /**
     * Whether anyone listens: the store then writes every piece of the body as it arrives instead of filling its
     * buffer first, so readers see bytes without delay.
     */
    boolean watched() {
        return watchedFromStart || !listeners.isEmpty();
    }

    void grew(long total) {
        bytes = total;
        for (UploadListener listener : listeners) {
            try {
                listener.grew(this, total);
            } catch (RuntimeException e) {
                // A listener's failure is its own; the upload goes on.
                LOG.warn("A listener of the {} failed", this, e);
            }
        }
    }

    void end(State end) {
        List<UploadListener> toTell;
        synchronized (this) {
            if (state != State.IN_FLIGHT) {
                return;
            }
            state = end;
            toTell = List.copyOf(listeners);
            listeners.clear();
        }
        for (UploadListener listener : toTell) {
            tellEnd(listener, end);
        }
    }

    private void tellEnd(UploadListener listener, State end) {
        try {
            if (end == State.PUBLISHED) {
                listener.published(this);
            } else {
                listener.aborted(this);
            }
        } catch (RuntimeException e) {
            LOG.warn("A listener of the {} failed", this, e);
        }
    }

    @Override
    public String toString() {
        return "upload of " + target + " (" + state + ", " + bytes + " bytes)";
    }
}
