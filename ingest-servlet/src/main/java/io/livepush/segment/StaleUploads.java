package io.livepush.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes upload temp files ({@value SegmentStore#TEMP_PREFIX}{@code *}) that no upload writes to any more: those a
 * process left behind when it crashed or was killed mid-upload. The startup scan of {@link ExpiryIndex} hands every
 * temp file it walks past to {@link #offer}, so the storage is walked once for both jobs.
 * <p>
 * A temp file not written to for {@link #QUIET} before this start is removed at once: a live upload that went quiet
 * that long has been timed out by the connector (tomcat-conf reads with a 30 s timeout), and its own clean-up removes
 * its file. A younger one may still belong to an upload in flight (one that began while the scan ran, or another
 * node's on a shared storage), so it is only remembered; {@link #removeQuiet()}, run {@link #QUIET} after the scan
 * ends, removes it if its modification time has not changed since. An upload that still writes changes it; one that
 * ended has renamed or deleted the file.
 */
public final class StaleUploads {

    /** How long a temp file must have gone unwritten before it counts as left behind. */
    public static final Duration QUIET = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(StaleUploads.class);

    private final Instant cutoff;
    private final Map<Path, FileTime> young = new ConcurrentHashMap<>();
    private final AtomicLong removed = new AtomicLong();

    /** @param start when this process began to scan; temp files written {@link #QUIET} before it go at once */
    public StaleUploads(Instant start) {
        this.cutoff = start.minus(QUIET);
    }

    /** Whether {@code file} is an upload temp file of {@link SegmentStore}. */
    public static boolean isUpload(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().startsWith(SegmentStore.TEMP_PREFIX);
    }

    /**
     * Takes a file the scan found: an old temp file is deleted, a young one remembered for {@link #removeQuiet()}.
     *
     * @return whether this took care of the file; false for any other file, and for an old temp file that could not
     *         be deleted, which the caller indexes so that the expiry sweep tries again when it is due
     */
    public boolean offer(Path file, BasicFileAttributes attributes) {
        if (!isUpload(file)) {
            return false;
        }
        FileTime modified = attributes.lastModifiedTime();
        if (!modified.toInstant().isBefore(cutoff)) {
            young.put(file, modified);
            return true;
        }
        if (delete(file)) {
            removed.incrementAndGet();
            return true;
        }
        return false;
    }

    /** How many temp files were deleted so far, at the scan and by {@link #removeQuiet()}. */
    public long removed() {
        return removed.get();
    }

    /** The young temp files still remembered. */
    public int pending() {
        return young.size();
    }

    /**
     * Deletes the remembered temp files whose modification time has not changed since the scan, and forgets them all.
     *
     * @return how many were deleted
     */
    public int removeQuiet() {
        int count = 0;
        for (Map.Entry<Path, FileTime> entry : young.entrySet()) {
            try {
                if (Files.getLastModifiedTime(entry.getKey()).equals(entry.getValue()) && delete(entry.getKey())) {
                    count++;
                }
            } catch (NoSuchFileException e) {
                // Its upload ended (published or cleaned up) in the meantime: nothing is left.
            } catch (IOException e) {
                LOG.warn("Cannot check the upload temp file [{}]; it stays until it expires", entry.getKey(), e);
            }
        }
        young.clear();
        removed.addAndGet(count);
        if (count > 0) {
            LOG.info("Removed [{}] upload temp files left by an earlier run", count);
        }
        return count;
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            // One undeletable file must not stop the scan.
            LOG.warn("Cannot remove the upload temp file [{}]", file, e);
            return false;
        }
    }
}
