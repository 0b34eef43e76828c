package io.livepush.segment;

import io.livepush.segment.ExpiryIndex.DueFile;
import io.livepush.segment.ExpiryIndex.SlotId;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of segment expiry (SPEC §6): deletes the files the {@link ExpiryIndex} says are due, and the exempt files
 * of streams that have ended, then the directories this left empty. It touches only due files, plus one look at each
 * indexed slot's queue head, so its cost does not grow with the number of files kept.
 * <p>
 * Before deleting, it reads the file's real modification time: a file the encoder overwrote since it was indexed is
 * left alone (the write queued it again), and a file the encoder deleted is skipped without a word. Exempt files go
 * only when they are the only files left in the slot and the newest of them has expired; the slot directory itself
 * stays, because the node provisioned it. Slots this node no longer serves are left to {@code SlotDirectory}, which
 * removes the files of deleted slots; the index forgets them once their directory is gone. Not thread-safe: one
 * thread runs the sweeps.
 */
public final class ExpirySweep {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweep.class);

    private final ExpiryIndex index;
    private final SlotExpiry expiry;
    private final Clock clock;

    /** The file expiry of the slots this node serves. */
    @FunctionalInterface
    public interface SlotExpiry {

        /** The slot's file expiry in seconds, or empty when this node does not serve the slot. */
        OptionalInt fileExpirySeconds(String shortname, String slot);
    }

    /**
     * What one sweep did.
     *
     * @param due          queued files that came due (stale entries included)
     * @param deleted      files deleted by age
     * @param endedStreams slots whose exempt files were removed because the stream had ended
     */
    public record Result(int due, int deleted, int endedStreams) {
    }

    public ExpirySweep(ExpiryIndex index, SlotExpiry expiry, Clock clock) {
        this.index = index;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** Runs one sweep over every indexed slot. */
    public Result run() {
        Instant now = clock.instant();
        int due = 0;
        int deleted = 0;
        int ended = 0;
        for (SlotId slot : index.slots()) {
            OptionalInt seconds = expiry.fileExpirySeconds(slot.shortname(), slot.name());
            if (seconds.isEmpty()) {
                forgetIfRemoved(slot);
                continue;
            }
            ExpiryPolicy policy = ExpiryPolicy.ofSeconds(seconds.getAsInt());
            List<DueFile> files = index.takeDue(slot, now.minus(policy.fileExpiry()));
            due += files.size();
            int slotDeleted = deleteExpired(slot, files, policy, now);
            deleted += slotDeleted;
            if (slotDeleted > 0) {
                LOG.debug("Deleted [{}] expired files in slot [{}/{}]", slotDeleted, slot.shortname(), slot.name());
            }
            if (hasEnded(slot, policy, now)) {
                ended += removeEndedStream(slot, policy, now) ? 1 : 0;
            }
        }
        return new Result(due, deleted, ended);
    }

    private void forgetIfRemoved(SlotId slot) {
        if (!Files.isDirectory(index.directory(slot))) {
            index.forget(slot);
        }
    }

    private int deleteExpired(SlotId slot, List<DueFile> files, ExpiryPolicy policy, Instant now) {
        Path directory = index.directory(slot);
        int deleted = 0;
        for (DueFile due : files) {
            try {
                Outcome outcome = deleteIfStillExpired(due, policy, now);
                if (outcome == Outcome.DELETED) {
                    deleted++;
                }
                if (outcome != Outcome.KEPT) {
                    removeEmptyParents(due.file().getParent(), directory);
                }
            } catch (IOException e) {
                // One undeletable file must not stop the sweep; it stays until the next restart's scan.
                LOG.warn("Cannot delete expired file [{}]", due.file(), e);
            }
        }
        return deleted;
    }

    private static Outcome deleteIfStillExpired(DueFile due, ExpiryPolicy policy, Instant now) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(due.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Outcome.GONE; // the encoder deleted it: it leaves the index quietly
        }
        Instant modified = attributes.lastModifiedTime().toInstant();
        if (!attributes.isRegularFile() || ExpiryIndex.ceilSecond(modified) > due.modifiedSecond()) {
            return Outcome.KEPT; // overwritten since it was indexed: the write queued it again with its new time
        }
        if (!policy.isExpired(due.file(), modified, now)) {
            return Outcome.KEPT;
        }
        return Files.deleteIfExists(due.file()) ? Outcome.DELETED : Outcome.GONE;
    }

    /** What became of a due file. */
    private enum Outcome {
        DELETED,
        GONE,
        KEPT
    }

    private boolean hasEnded(SlotId slot, ExpiryPolicy policy, Instant now) {
        Optional<Instant> since = index.onlyExemptSince(slot);
        return since.isPresent() && policy.isOlderThanExpiry(since.get(), now);
    }

    /**
     * Looks at every file left in the slot; when all are exempt and expired, deletes them and the empty directories.
     * Anything else found is indexed, so the slot is not looked at again before that is due.
     */
    private boolean removeEndedStream(SlotId slot, ExpiryPolicy policy, Instant now) {
        Path directory = index.directory(slot);
        SlotFiles left;
        try {
            left = SlotFiles.list(directory);
        } catch (IOException e) {
            LOG.warn("Cannot list slot directory [{}]; trying again after the file expiry", directory, e);
            index.postponeEnd(slot, now);
            return false;
        }
        left.others().forEach(file -> index.add(file.path(), file.modified()));
        if (!left.others().isEmpty()) {
            return false;
        }
        if (left.exempt().isEmpty()) {
            index.clearExempt(slot); // the encoder removed them itself
            return false;
        }
        if (!policy.isEnded(true, left.newestExempt(), now)) {
            index.postponeEnd(slot, left.newestExempt());
            return false;
        }
        index.clearExempt(slot);
        int removed = 0;
        for (SlotFile file : left.exempt()) {
            removed += deleteExempt(file.path(), policy, now) ? 1 : 0;
        }
        removeEmptyDirectories(directory);
        LOG.info("The stream of slot [{}/{}] has ended: removed its [{}] playlists, manifests and init files",
                slot.shortname(), slot.name(), removed);
        return true;
    }

    private boolean deleteExempt(Path file, ExpiryPolicy policy, Instant now) {
        try {
            Instant modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
            if (!policy.isOlderThanExpiry(modified, now)) {
                index.add(file, modified); // the encoder came back while we looked
                return false;
            }
            return Files.deleteIfExists(file);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            LOG.warn("Cannot delete [{}] of an ended stream", file, e);
            return false;
        }
    }

    /** Deletes {@code directory} and its parents while they are empty, stopping at the slot directory. */
    private static void removeEmptyParents(Path directory, Path slotDirectory) throws IOException {
        Path current = directory;
        while (current != null && !current.equals(slotDirectory) && current.startsWith(slotDirectory)) {
            try {
                Files.deleteIfExists(current);
            } catch (DirectoryNotEmptyException e) {
                return; // still in use: so are its parents
            }
            current = current.getParent();
        }
    }

    private static void removeEmptyDirectories(Path slotDirectory) {
        List<Path> directories = new ArrayList<>();
        try (var paths = Files.walk(slotDirectory)) {
            paths.filter(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> !path.equals(slotDirectory))
                    .forEach(directories::add);
        } catch (IOException e) {
            LOG.warn("Cannot list the directories of [{}]", slotDirectory, e);
            return;
        }
        directories.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path directory : directories) {
            try {
                Files.deleteIfExists(directory);
            } catch (DirectoryNotEmptyException e) {
                // an encoder started writing into it again: it stays
            } catch (IOException e) {
                LOG.warn("Cannot remove empty directory [{}]", directory, e);
            }
        }
    }

    /** A regular file in a slot with its modification time. */
    private record SlotFile(Path path, Instant modified) {
    }

    /** The regular files of a slot, split into exempt and other files. */
    private record SlotFiles(List<SlotFile> exempt, List<SlotFile> others, Instant newestExempt) {

        static SlotFiles list(Path directory) throws IOException {
            List<SlotFile> exempt = new ArrayList<>();
            List<SlotFile> others = new ArrayList<>();
            if (Files.isDirectory(directory)) {
                Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile()) {
                            SlotFile found = new SlotFile(file, attributes.lastModifiedTime().toInstant());
                            (ExpiryPolicy.isExempt(file) ? exempt : others).add(found);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof NoSuchFileException) {
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }
                });
            }
            Instant newest = exempt.stream().map(SlotFile::modified).max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
            return new SlotFiles(exempt, others, newest);
        }
    }
}
