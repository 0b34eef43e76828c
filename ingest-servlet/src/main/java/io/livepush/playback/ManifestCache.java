package io.livepush.playback;

import io.livepush.segment.PublishedFile;
import io.livepush.segment.SegmentEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * In-memory copies of the playlists and manifests ({@code *.m3u8}, {@code *.mpd}) that playback serves, so that the
 * requests every player repeats every few seconds cost no {@code open()}/{@code read()}, and most no {@code stat()}.
 * <p>
 * A copy is proven current by the file's attributes: it is used only while the file still has the same identity
 * (device and inode: ingest publishes by rename, so every upload is a new inode), the same modification time and the
 * same size; otherwise the file is read again. A copy is kept only when the file did not change while it was read.
 * <p>
 * Ingest and playback share this JVM, so a publish or a {@code DELETE} through this node drops the copy at once ({@link
 * SegmentEvents}); a publish whose bytes ingest kept ({@link PublishedFile#content()}) puts them in its place, so the
 * next request needs no {@code read()}: only its {@code stat()} proves them current, since two uploads of one file may
 * announce themselves out of order. What changes the file otherwise (file expiry, another node writing shared storage,
 * an operator) is noticed by the {@code stat()}, which {@link #recent} skips for a copy proven current less than the
 * recheck interval ago: that interval bounds how late such a change is seen; 0 proves every request.
 * <p>
 * Files over {@value #MAX_FILE_BYTES} bytes are not copied (the default servlet serves them). The copies together
 * stay under a byte budget, approximately: when a new copy would exceed it, every copy is dropped and the ones still
 * requested are read again. Safe for concurrent use without locks.
 */
final class ManifestCache implements SegmentEvents {

    /** The largest file copied into memory. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private final ConcurrentHashMap<Path, Copy> copies = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    /** Counts the publish events, so a read that overlapped one does not vouch for its copy. */
    private final AtomicLong events = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final long budgetBytes;
    private final long recheckNanos;

    /**
     * @param budgetBytes   the most bytes held; 0 turns the cache off
     * @param recheckMillis how long a copy proven current is used without a {@code stat()}; 0 proves every request
     */
    ManifestCache(long budgetBytes, long recheckMillis) {
        if (budgetBytes < 0 || recheckMillis < 0) {
            throw new IllegalArgumentException("The budget and the recheck interval must not be negative");
        }
        this.budgetBytes = budgetBytes;
        this.recheckNanos = TimeUnit.MILLISECONDS.toNanos(recheckMillis);
    }

    /**
     * Returns the current content of the manifest at {@code file}, or {@code null} when it is not cached: not a
     * manifest, too large, the cache is off, or the file changed while it was read.
     *
     * @param attributes the file's attributes, read for this request (a regular file)
     * @throws IOException when the file cannot be read (a missing file is not an error: {@code null})
     */
    Manifest current(Path file, BasicFileAttributes attributes) throws IOException {
        if (budgetBytes == 0 || attributes.size() > MAX_FILE_BYTES
                || !PublishedFile.isManifest(file.getFileName().toString())) {
            return null;
        }
        Copy copy = copies.get(file);
        if (copy != null && copy.manifest.isCopyOf(attributes)) {
            hits.increment();
            if (recheckNanos > 0) {
                // Fails, leaving the file to the next request's stat(), when a publish dropped the copy meanwhile.
                copies.replace(file, copy, new Copy(copy.manifest, System.nanoTime()));
            }
            return copy.manifest;
        }
        misses.increment();
        return read(file, attributes);
    }

    /**
     * Returns the copy of {@code file} when it was proven current less than the recheck interval ago and no publish
     * changed the file since, without touching the file; else {@code null}, and the caller proves it with
     * {@link #current}.
     */
    Manifest recent(Path file) {
        Copy copy = recheckNanos == 0 ? null : copies.get(file);
        if (copy != null && System.nanoTime() - copy.provenAt < recheckNanos) {
            hits.increment();
            return copy.manifest;
        }
        return null;
    }

    /** Forgets the copy of {@code file}, if any (it is gone). */
    void forget(Path file) {
        Copy removed = copies.remove(file);
        if (removed != null) {
            bytes.addAndGet(-removed.manifest.content().length);
        }
    }

    /**
     * Ingest published a file: the copy, if any, is no longer current; the bytes published, when ingest kept them,
     * become the copy, to be proven by the next request's {@code stat()}.
     */
    @Override
    public void written(PublishedFile published) {
        Path file = published.file();
        changed(file);
        byte[] content = published.content();
        if (content != null && budgetBytes > 0 && content.length <= MAX_FILE_BYTES
                && PublishedFile.isManifest(file.getFileName().toString())) {
            store(file, Manifest.of(content, published.attributes()), System.nanoTime() - recheckNanos);
        }
    }

    /** An encoder deleted {@code file}. */
    @Override
    public void removed(Path file) {
        changed(file);
    }

    private void changed(Path file) {
        if (PublishedFile.isManifest(file.getFileName().toString())) {
            events.incrementAndGet();
            forget(file);
        }
    }

    /** Returns how many requests were answered from a current copy. */
    long hits() {
        return hits.sum();
    }

    /** Returns how many manifest requests found no current copy and read the file. */
    long misses() {
        return misses.sum();
    }

    /** Returns the bytes the copies hold now. */
    long bytes() {
        return bytes.get();
    }

    private Manifest read(Path file, BasicFileAttributes attributes) throws IOException {
        long eventsBefore = events.get();
        byte[] content;
        BasicFileAttributes after;
        try {
            content = Files.readAllBytes(file);
            after = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            forget(file);
            return null;
        }
        Manifest copy = Manifest.of(content, after);
        if (!copy.isCopyOf(attributes) || !copy.isCopyOf(after)) {
            return null;
        }
        Copy entry = store(file, copy, System.nanoTime());
        if (events.get() != eventsBefore) {
            // A publish may have dropped the copy before it was stored: the next request proves it with a stat().
            copies.replace(file, entry, new Copy(copy, System.nanoTime() - recheckNanos));
        }
        return copy;
    }

    /** Keeps {@code copy} of {@code file}, proven current at {@code provenAt}, within the byte budget. */
    private Copy store(Path file, Manifest copy, long provenAt) {
        int length = copy.content().length;
        if (bytes.get() + length > budgetBytes) {
            copies.clear();
            bytes.set(0);
        }
        Copy entry = new Copy(copy, provenAt);
        Copy previous = copies.put(file, entry);
        bytes.addAndGet(length - (previous == null ? 0 : previous.manifest.content().length));
        return entry;
    }

    /** A copy and when it was last proven current ({@link System#nanoTime()}). */
    private record Copy(Manifest manifest, long provenAt) {
    }
}
