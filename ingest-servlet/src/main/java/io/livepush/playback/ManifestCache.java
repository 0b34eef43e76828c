package io.livepush.playback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * In-memory copies of the playlists and manifests ({@code *.m3u8}, {@code *.mpd}) that playback serves, so that the
 * requests every player repeats every few seconds cost one {@code stat()} and no {@code open()}/{@code read()}.
 * <p>
 * Never stale: the caller passes the file's attributes read for this request, and a copy is used only while the file
 * still has the same identity (device and inode: ingest publishes by rename, so every upload is a new inode), the
 * same modification time and the same size; otherwise the file is read again. A copy is kept only when the file did
 * not change while it was read. Files over {@value #MAX_FILE_BYTES} bytes are not copied (the default servlet serves
 * them). The copies together stay under a byte budget, approximately: when a new copy would exceed it, every copy is
 * dropped and the ones still requested are read again. Safe for concurrent use without locks.
 */
final class ManifestCache {

    /** The largest file copied into memory. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private final ConcurrentHashMap<Path, Manifest> copies = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final long budgetBytes;

    /**
     * @param budgetBytes the most bytes held; 0 turns the cache off
     */
    ManifestCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("The budget must not be negative");
        }
        this.budgetBytes = budgetBytes;
    }

    /** Returns whether {@code fileName} is a playlist or manifest (compared without regard to case). */
    static boolean isManifest(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".m3u8") || lower.endsWith(".mpd");
    }

    /**
     * Returns the current content of the manifest at {@code file}, or {@code null} when it is not cached: not a
     * manifest, too large, the cache is off, or the file changed while it was read.
     *
     * @param attributes the file's attributes, read for this request (a regular file)
     * @throws IOException when the file cannot be read (a missing file is not an error: {@code null})
     */
    Manifest current(Path file, BasicFileAttributes attributes) throws IOException {
        if (budgetBytes == 0 || attributes.size() > MAX_FILE_BYTES || !isManifest(file.getFileName().toString())) {
            return null;
        }
        Manifest copy = copies.get(file);
        if (copy != null && copy.isCopyOf(attributes)) {
            hits.increment();
            return copy;
        }
        misses.increment();
        return read(file, attributes);
    }

    /** Forgets the copy of {@code file}, if any (it is gone). */
    void forget(Path file) {
        Manifest removed = copies.remove(file);
        if (removed != null) {
            bytes.addAndGet(-removed.content().length);
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
        if (bytes.get() + content.length > budgetBytes) {
            copies.clear();
            bytes.set(0);
        }
        Manifest previous = copies.put(file, copy);
        bytes.addAndGet(content.length - (previous == null ? 0 : previous.content().length));
        return copy;
    }
}
