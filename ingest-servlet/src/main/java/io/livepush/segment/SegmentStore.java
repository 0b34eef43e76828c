package io.livepush.segment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The files of every slot, under {@code {root}/{shortname}/{slot}/}. Uploads are published atomically: the body is
 * written to a temporary file in the target directory and renamed over the target only once it arrived completely,
 * so a viewer never sees half a segment, and an aborted, short or oversized upload leaves nothing behind. Temporary
 * files start with {@value #TEMP_PREFIX}, a name the ingest path grammar never accepts, so they are never served.
 * <p>
 * Callers pass paths that {@code IngestPath} has already checked; this class still refuses anything that would resolve
 * outside the slot's directory.
 * <p>
 * Uploads are the ingest hot path (SPEC §12): a body is copied once, from the container's buffer into a pooled direct
 * buffer that goes to the file in {@value #COPY_BUFFER}-byte writes, and an existing parent directory costs no extra
 * system call.
 * <p>
 * Every upload is announced in {@link #uploadsInFlight()} (started, grew, published or aborted), so that playback can
 * serve an object while it arrives; the rename stays the only way a file appears at its target.
 */
public final class SegmentStore {

    /** The prefix of in-flight uploads: a dot-file, which no request can name. */
    public static final String TEMP_PREFIX = ".upload-";

    private static final int COPY_BUFFER = 64 * 1024;
    /** Direct buffers kept for reuse: enough for every upload a busy node has in flight at once. */
    private static final int POOLED_BUFFERS = 256;

    private final Path root;
    private final UploadsInFlight inFlight = new UploadsInFlight();
    private final List<SegmentEvents> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<ByteBuffer> buffers = new ArrayBlockingQueue<>(POOLED_BUFFERS);
    private final SegmentEvents events = new SegmentEvents() {
        @Override
        public void written(PublishedFile published) {
            listeners.forEach(listener -> listener.written(published));
        }

        @Override
        public void removed(Path file) {
            listeners.forEach(listener -> listener.removed(file));
        }
    };

    public SegmentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Tells {@code listener} about every upload and removal from now on (the expiry index subscribes). */
    public void addListener(SegmentEvents listener) {
        listeners.add(listener);
    }

    /** The uploads arriving right now: each write announces its start, growth and end there. */
    public UploadsInFlight uploadsInFlight() {
        return inFlight;
    }

    /** The result of a PUT. */
    public enum WriteResult {
        CREATED,
        REPLACED
    }

    public Path root() {
        return root;
    }

    /**
     * The directory of a slot (it may not exist yet): exactly two levels below the root, so that no name, not even
     * {@code ..}, can make it the root itself or a directory of another account.
     */
    public Path slotDirectory(String shortname, String slot) {
        Path directory = inside(root, root.resolve(shortname).resolve(slot));
        if (directory.getNameCount() != root.getNameCount() + 2) {
            throw new IllegalArgumentException("'" + shortname + "/" + slot + "' is not a slot directory");
        }
        return directory;
    }

    /** Resolves {@code relativePath} in the slot's directory, refusing anything outside it. */
    public Path resolve(String shortname, String slot, String relativePath) {
        Path directory = slotDirectory(shortname, slot);
        return inside(directory, directory.resolve(relativePath));
    }

    /**
     * Streams {@code body} into {@code target} and publishes it atomically.
     *
     * @param maxBytes the most bytes accepted; one more aborts the upload with {@link ObjectTooLargeException}
     * @throws NoSuchFileException when the parent directory is missing and {@code createParents} is off
     * @throws NotDirectoryException when a file stands where a parent directory should be
     * @throws StorageFullException when the disk filled up
     */
    public WriteResult write(Path target, InputStream body, long maxBytes, boolean createParents) throws IOException {
        return write(target, Channels.newChannel(body), maxBytes, createParents);
    }

    /**
     * Streams {@code body} into {@code target} and publishes it atomically, as {@link #write(Path, InputStream, long,
     * boolean)} does; a channel over {@code ServletInputStream.read(ByteBuffer)} saves a copy of every byte.
     */
    public WriteResult write(Path target, ReadableByteChannel body, long maxBytes, boolean createParents)
            throws IOException {
        return write(target, body, maxBytes, createParents, false);
    }

    /**
     * Streams {@code body} into {@code target} and publishes it atomically, as {@link #write(Path, InputStream, long,
     * boolean)} does.
     *
     * @param writeThrough write every piece of the body to the temporary file as it arrives (a low-latency slot, whose
     *                     readers get the bytes in flight), instead of filling a {@value #COPY_BUFFER}-byte buffer first
     */
    public WriteResult write(Path target, ReadableByteChannel body, long maxBytes, boolean createParents,
            boolean writeThrough) throws IOException {
        Path directory = target.getParent();
        Path temp = directory.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        boolean published = false;
        UploadInFlight upload = null;
        try {
            FileChannel out = openTemp(temp, createParents);
            upload = inFlight.started(target, temp, writeThrough);
            boolean manifest = PublishedFile.isManifest(target.getFileName().toString());
            byte[] content = copy(body, out, maxBytes, upload, manifest);
            BasicFileAttributes attributes = Files.readAttributes(temp, BasicFileAttributes.class);
            boolean existed = Files.exists(target);
            move(temp, target);
            published = true;
            inFlight.ended(upload, UploadInFlight.State.PUBLISHED);
            events.written(new PublishedFile(target, attributes, content));
            return existed ? WriteResult.REPLACED : WriteResult.CREATED;
        } catch (IOException e) {
            throw translate(e, directory);
        } finally {
            // With a file in place of the directory, even deleteIfExists fails (ENOTDIR) and would hide the cause.
            if (!published && Files.isDirectory(directory)) {
                Files.deleteIfExists(temp);
            }
            if (!published && upload != null) {
                inFlight.ended(upload, UploadInFlight.State.ABORTED);
            }
        }
    }

    /** Deletes a file; returns whether there was one. Directories are not deleted this way. */
    public boolean delete(Path target) throws IOException {
        if (Files.isDirectory(target) || !Files.isDirectory(target.getParent())) {
            return false;
        }
        boolean deleted = Files.deleteIfExists(target);
        if (deleted) {
            events.removed(target);
        }
        return deleted;
    }

    /**
     * Creates one directory (WebDAV MKCOL).
     *
     * @return false when something of that name exists already
     * @throws NoSuchFileException when the parent is missing
     * @throws NotDirectoryException when the parent is a file
     */
    public boolean makeDirectory(Path target) throws IOException {
        try {
            Files.createDirectory(target);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw translate(e, target.getParent());
        }
    }

    /** Creates a slot's directory if it is missing. */
    public void ensureSlotDirectory(String shortname, String slot) throws IOException {
        Files.createDirectories(slotDirectory(shortname, slot));
    }

    /** Removes a slot's directory and everything in it. */
    public void removeSlot(String shortname, String slot) throws IOException {
        Path directory = slotDirectory(shortname, slot);
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                    events.removed(path);
                } catch (DirectoryNotEmptyException e) {
                    // An encoder is still writing into a slot being deleted; the next pass removes the rest.
                }
            }
        }
    }

    /**
     * Opens a new temporary file. Its directory nearly always exists (every upload after a rendition's first), so
     * the directory is created only when the open finds it missing: no {@code mkdir} and no exception per upload.
     */
    private static FileChannel openTemp(Path temp, boolean createParents) throws IOException {
        try {
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            if (!createParents) {
                throw e;
            }
            Files.createDirectories(temp.getParent());
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /**
     * Copies the body into {@code out} and closes it, filling the buffer before each write to save system calls; while
     * someone watches the upload in flight, every piece is written as it arrives, so readers never wait for a full
     * buffer. The buffer is emptied only when full, so it holds a body that fits it whole. Growth is announced once
     * the bytes are in the file.
     *
     * @param keep whether to return the body's bytes when it fit the buffer
     * @return the body's bytes when {@code keep} is set and the whole body fit the buffer; otherwise {@code null}
     */
    private byte[] copy(ReadableByteChannel body, FileChannel out, long maxBytes, UploadInFlight upload, boolean keep)
            throws IOException {
        ByteBuffer buffer = borrowBuffer();
        try (out) {
            long total = 0;
            int inFile = 0;
            int read;
            while ((read = body.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new ObjectTooLargeException(maxBytes);
                }
                if (!buffer.hasRemaining() || read > 0 && upload.watched()) {
                    inFile = writeNew(buffer, inFile, out);
                    upload.grew(total);
                }
            }
            byte[] content = null;
            if (keep && buffer.position() == total) {
                content = new byte[buffer.position()];
                buffer.get(0, content);
            }
            if (buffer.position() > inFile) {
                writeNew(buffer, inFile, out);
                upload.grew(total);
            }
            return content;
        } finally {
            buffer.clear();
            buffers.offer(buffer);
        }
    }

    private ByteBuffer borrowBuffer() {
        ByteBuffer buffer = buffers.poll();
        return buffer != null ? buffer : ByteBuffer.allocateDirect(COPY_BUFFER);
    }

    /**
     * Writes the buffer's bytes from {@code inFile} to its position into {@code out}, and empties the buffer when it is
     * full; returns how many of the buffer's bytes are in the file now.
     */
    private static int writeNew(ByteBuffer buffer, int inFile, FileChannel out) throws IOException {
        int end = buffer.position();
        buffer.limit(end).position(inFile);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.limit(buffer.capacity());
        if (end < buffer.capacity()) {
            return end;
        }
        buffer.clear();
        return 0;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this cannot happen on a POSIX file system; refuse rather than publish non-atomically.
            throw new IOException("The storage does not support atomic rename", e);
        }
    }

    /** Names the cause a client can act on: a full disk (507) or a file where a directory should be (409). */
    private static IOException translate(IOException e, Path directory) {
        if (isDiskFull(e)) {
            return new StorageFullException(e);
        }
        if (e instanceof FileSystemException && !(e instanceof NoSuchFileException) && hasFileInTheWay(directory)) {
            NotDirectoryException notDirectory = new NotDirectoryException(directory.toString());
            notDirectory.initCause(e);
            return notDirectory;
        }
        return e;
    }

    private static boolean hasFileInTheWay(Path directory) {
        for (Path path = directory; path != null; path = path.getParent()) {
            if (Files.exists(path)) {
                return !Files.isDirectory(path);
            }
        }
        return false;
    }

    private static boolean isDiskFull(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("no space left") || message.contains("disk quota exceeded");
    }

    private static Path inside(Path base, Path candidate) {
        Path normalized = candidate.normalize();
        if (!normalized.startsWith(base)) {
            throw new IllegalArgumentException("'" + candidate + "' lies outside '" + base + "'");
        }
        return normalized;
    }
}
