package io.livepush.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which stored file is due when: every file under {@code {root}/{shortname}/{slot}/}, per slot in a queue ordered by
 * modification time, so that a sweep finds what is due without looking at anything else (SPEC §6).
 * <p>
 * Files are indexed as {@link SegmentStore} publishes them ({@link SegmentEvents}) and, after a restart, by
 * {@link #scan}. The index is a schedule, not the truth: an overwritten file gets a new entry and its old entry
 * stays until it is due, and a file an encoder deleted leaves when it is due (at once when it was the slot's oldest).
 * {@link ExpirySweep} therefore checks each due file's real modification time before it deletes anything. Times are
 * kept in whole seconds, rounded up, so a file is never taken early. Exempt files ({@link ExpiryPolicy#isExempt}) are
 * not queued; per slot the index keeps only the time the newest of them was written.
 */
public final class ExpiryIndex implements SegmentEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryIndex.class);

    private final Path root;
    private final Map<SlotId, SlotQueue> queues = new ConcurrentHashMap<>();

    /** A slot's directory, {@code {root}/{shortname}/{name}}. */
    public record SlotId(String shortname, String name) {
    }

    /** A file that came due, with the modification time (whole seconds, rounded up) it was indexed with. */
    public record DueFile(Path file, long modifiedSecond) {
    }

    /** What {@link #scan} found: files indexed, slots, upload temp files removed, and how long it took. */
    public record ScanResult(long files, int slots, long staleUploads, long millis) {
    }

    public ExpiryIndex(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public void written(PublishedFile published) {
        add(published.file(), published.modified());
    }

    @Override
    public void removed(Path file) {
        Path relative = relative(file);
        if (relative == null || ExpiryPolicy.isExempt(relative)) {
            return;
        }
        SlotQueue queue = queues.get(slotOf(relative));
        if (queue != null) {
            queue.removeIfOldest(nameBytes(relative));
        }
    }

    /** Indexes {@code file} as modified at {@code modified}; a file outside any slot directory is ignored. */
    public void add(Path file, Instant modified) {
        Path relative = relative(file);
        if (relative == null) {
            return;
        }
        SlotQueue queue = queues.computeIfAbsent(slotOf(relative), slot -> new SlotQueue());
        long second = ceilSecond(modified);
        if (ExpiryPolicy.isExempt(relative)) {
            queue.exemptWritten(second);
        } else {
            queue.add(second, nameBytes(relative));
        }
    }

    /** The slots that have (or recently had) indexed files. */
    public Set<SlotId> slots() {
        return Set.copyOf(queues.keySet());
    }

    /** The directory of {@code slot}. */
    public Path directory(SlotId slot) {
        return root.resolve(slot.shortname()).resolve(slot.name());
    }

    /** Removes and returns the slot's queued files indexed as modified at or before {@code cutoff}, oldest first. */
    public List<DueFile> takeDue(SlotId slot, Instant cutoff) {
        SlotQueue queue = queues.get(slot);
        if (queue == null) {
            return List.of();
        }
        List<SlotQueue.Entry> entries = queue.takeDue(cutoff.getEpochSecond());
        if (entries.isEmpty()) {
            return List.of();
        }
        Path directory = directory(slot);
        return entries.stream()
                .map(entry -> new DueFile(directory.resolve(new String(entry.name(), StandardCharsets.UTF_8)),
                        entry.second()))
                .toList();
    }

    /** When the oldest queued (non-exempt) file of the slot was modified, if there is one. */
    public Optional<Instant> oldest(SlotId slot) {
        SlotQueue queue = queues.get(slot);
        OptionalLong second = queue == null ? OptionalLong.empty() : queue.oldestSecond();
        return second.isPresent() ? Optional.of(Instant.ofEpochSecond(second.getAsLong())) : Optional.empty();
    }

    /**
     * When the newest exempt file of the slot was written, if the slot has exempt files and no other file is queued:
     * the moment to ask whether the stream has ended.
     */
    public Optional<Instant> onlyExemptSince(SlotId slot) {
        SlotQueue queue = queues.get(slot);
        OptionalLong second = queue == null ? OptionalLong.empty() : queue.onlyExemptSince();
        return second.isPresent() ? Optional.of(Instant.ofEpochSecond(second.getAsLong())) : Optional.empty();
    }

    /** Forgets the slot's exempt files (they were removed). */
    public void clearExempt(SlotId slot) {
        SlotQueue queue = queues.get(slot);
        if (queue != null) {
            queue.clearExempt();
        }
    }

    /** Asks again whether the slot's stream has ended only once files written at {@code written} have expired. */
    public void postponeEnd(SlotId slot, Instant written) {
        queues.computeIfAbsent(slot, key -> new SlotQueue()).exemptWritten(ceilSecond(written));
    }

    /** Forgets everything about a slot (it is no longer served and its directory is gone). */
    public void forget(SlotId slot) {
        queues.remove(slot);
    }

    /** The number of queued (non-exempt) entries, stale ones included. */
    public long size() {
        return queues.values().stream().mapToLong(SlotQueue::size).sum();
    }

    /** An estimate of the heap the queues hold, in bytes (compressed references). */
    public long estimatedBytes() {
        return queues.values().stream().mapToLong(SlotQueue::estimatedBytes).sum();
    }

    /**
     * Indexes every file under the root (the startup scan after a restart). Files published while the scan runs are
     * indexed twice at worst, which costs nothing but an entry. Files that vanish during the scan are skipped. Upload
     * temp files go to {@code uploads} instead, which removes those a crashed process left, in the same walk.
     */
    public ScanResult scan(StaleUploads uploads) throws IOException {
        long start = System.nanoTime();
        long[] files = new long[1];
        if (Files.isDirectory(root)) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && !uploads.offer(file, attributes)) {
                        add(file, attributes.lastModifiedTime().toInstant());
                        files[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof NoSuchFileException)) {
                        // One unreadable directory must not leave every other slot unindexed until the next restart.
                        LOG.warn("Cannot index [{}]; its files will not expire until it can be read", file, e);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        ScanResult result = new ScanResult(files[0], queues.size(), uploads.removed(),
                (System.nanoTime() - start) / 1_000_000);
        LOG.info("Indexed [{}] files of [{}] slots under [{}] in [{}] ms; removed [{}] stale upload temp files",
                result.files(), result.slots(), root, result.millis(), result.staleUploads());
        return result;
    }

    /** The modification time in whole seconds, rounded up so a file is never due early. */
    static long ceilSecond(Instant instant) {
        long second = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
        return Math.max(0, second);
    }

    private Path relative(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        if (!normalized.startsWith(root)) {
            return null;
        }
        Path relative = root.relativize(normalized);
        return relative.getNameCount() >= 3 ? relative : null;
    }

    private static SlotId slotOf(Path relative) {
        return new SlotId(relative.getName(0).toString(), relative.getName(1).toString());
    }

    private static byte[] nameBytes(Path relative) {
        return relative.subpath(2, relative.getNameCount()).toString().getBytes(StandardCharsets.UTF_8);
    }
}
