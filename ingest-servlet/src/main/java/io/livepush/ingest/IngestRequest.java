package io.livepush.ingest;

import io.livepush.origin.LiveSlot;
import io.livepush.origin.Origin;
import io.livepush.segment.ObjectTooLargeException;
import io.livepush.segment.ObjectTypes;
import io.livepush.segment.SegmentStore;
import io.livepush.segment.StorageFullException;
import io.livepush.segment.UploadedObjectHeaders;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * One authenticated request of {@link IngestServlet} on one slot: each method is a ladder of guard clauses that
 * answer and return, with the happy path last. Every answer is counted in the slot's statistics.
 */
final class IngestRequest {

    private static final int SC_INSUFFICIENT_STORAGE = 507;
    private static final int SC_TOO_MANY_REQUESTS = 429;

    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private final LiveSlot slot;
    private final IngestPath path;
    private final Origin origin;

    IngestRequest(HttpServletRequest req, HttpServletResponse resp, LiveSlot slot, IngestPath path, Origin origin) {
        this.req = req;
        this.resp = resp;
        this.slot = slot;
        this.path = path;
        this.origin = origin;
    }

    void put() throws IOException {
        if (req.getHeader("Content-Range") != null) {
            // RFC 9110 §14.4: a server that does not apply partial PUTs must refuse them, not store the range as the
            // whole object.
            refuse(HttpServletResponse.SC_BAD_REQUEST, "PUT with Content-Range (a partial update) is not supported");
            return;
        }
        if (path.isSlotRoot() || path.collection()) {
            refuse(HttpServletResponse.SC_BAD_REQUEST, "PUT needs a file name");
            return;
        }
        if (!IngestPath.isAllowedFile(path.fileName(), origin.config().allowedExtensions())) {
            refuse(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "the file type of '" + path.fileName()
                    + "' is not accepted");
            return;
        }
        long limit = origin.config().maxObjectBytes();
        if (req.getContentLengthLong() > limit) {
            refuse(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the object is larger than " + limit + " bytes");
            return;
        }
        if (origin.config().enforceBitrate() && origin.statistics().isOverBitrate(slot)) {
            refuse(SC_TOO_MANY_REQUESTS, "the slot pushes more than " + origin.config().bitrateTolerance()
                    + " x its total bitrate of " + slot.rules().totalKbps() + " kbps");
            return;
        }
        Path target = target();
        if (Files.isDirectory(target)) {
            refuse(HttpServletResponse.SC_CONFLICT, "'" + path.relative() + "' is a directory");
            return;
        }
        store(target, limit);
    }

    private void store(Path target, long limit) throws IOException {
        SegmentStore.WriteResult result = null;
        BodyChannel body = new BodyChannel(req.getInputStream());
        long started = origin.statistics().uploadStarted();
        try (body) {
            result = origin.store().write(target, body, limit, origin.config().autoCreateCollections(),
                    slot.lowLatency());
        } catch (ObjectTooLargeException e) {
            refuse(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the object is larger than " + limit + " bytes");
            return;
        } catch (StorageFullException e) {
            refuse(SC_INSUFFICIENT_STORAGE, "the storage is full");
            return;
        } catch (NoSuchFileException | NotDirectoryException e) {
            refuse(HttpServletResponse.SC_CONFLICT, "the parent directory of '" + path.relative() + "' is missing");
            return;
        } catch (IOException e) {
            // The client went away mid-body: nothing was published. Counted, but not reported as the slot's error:
            // ffmpeg cuts off its last upload on every normal stop, which would flag every ended stream as Error.
            origin.statistics().record(slot, HttpServletResponse.SC_BAD_REQUEST, 0, false, null);
            throw e;
        } finally {
            origin.statistics().uploadEnded(started, result != null);
        }
        int status = result == SegmentStore.WriteResult.CREATED ? HttpServletResponse.SC_CREATED
                : HttpServletResponse.SC_NO_CONTENT;
        // The count of received bytes, not a stat of the file: an encoder's DELETE may already have removed it.
        origin.statistics().record(slot, status, body.received, true, null);
        resp.setStatus(status);
    }

    void delete() throws IOException {
        if (path.isSlotRoot()) {
            refuse(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "the slot itself cannot be deleted here");
            return;
        }
        Path target = target();
        if (Files.isDirectory(target)) {
            deleteDirectory(target);
            return;
        }
        if (!origin.store().delete(target)) {
            answer(HttpServletResponse.SC_NOT_FOUND);
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        answer(HttpServletResponse.SC_NO_CONTENT);
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void deleteDirectory(Path target) throws IOException {
        try {
            Files.delete(target);
        } catch (DirectoryNotEmptyException e) {
            refuse(HttpServletResponse.SC_CONFLICT, "the directory '" + path.relative() + "' is not empty");
            return;
        }
        answer(HttpServletResponse.SC_NO_CONTENT);
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    void mkcol() throws IOException {
        if (hasBody()) {
            refuse(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "MKCOL takes no body");
            return;
        }
        if (path.isSlotRoot()) {
            refuse(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "the slot's directory exists");
            return;
        }
        Path target = target();
        try {
            if (!origin.store().makeDirectory(target)) {
                refuse(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "'" + path.relative() + "' exists");
                return;
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            refuse(HttpServletResponse.SC_CONFLICT, "the parent directory of '" + path.relative() + "' is missing");
            return;
        }
        answer(HttpServletResponse.SC_CREATED);
        resp.setStatus(HttpServletResponse.SC_CREATED);
    }

    void read(boolean headOnly) throws IOException {
        Path target = target();
        if (!Files.isRegularFile(target)) {
            answer(HttpServletResponse.SC_NOT_FOUND);
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        UploadedObjectHeaders.apply(resp, ObjectTypes.of(path.fileName(), req.getServletContext()::getMimeType));
        resp.setContentLengthLong(Files.size(target));
        resp.setHeader("Cache-Control", "no-store");
        answer(HttpServletResponse.SC_OK);
        if (!headOnly) {
            try (OutputStream out = resp.getOutputStream()) {
                Files.copy(target, out);
            }
        }
    }

    /**
     * The request body as a channel, counting what arrived (the size the statistics record):
     * {@code ServletInputStream.read(ByteBuffer)} copies straight from the container's buffer into the store's direct
     * buffer, one copy less than through a byte array (SPEC §12).
     */
    private static final class BodyChannel implements ReadableByteChannel {

        private final ServletInputStream in;
        private long received;

        BodyChannel(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            int start = target.position();
            int limit = target.limit();
            int read = in.read(target);
            if (read > 0 && target.position() == start) {
                // Tomcat 11 leaves what it read between position and limit instead of advancing the position
                // as a channel does; restore the channel contract either way.
                target.limit(limit).position(start + read);
            }
            if (read > 0) {
                received += read;
            }
            return read;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private Path target() {
        return origin.store().resolve(slot.shortname(), slot.name(), path.relative());
    }

    private boolean hasBody() throws IOException {
        if (req.getContentLengthLong() > 0) {
            return true;
        }
        return req.getHeader("Transfer-Encoding") != null && req.getInputStream().read() != -1;
    }

    private void answer(int status) {
        origin.statistics().record(slot, status, 0, false, null);
    }

    private void refuse(int status, String reason) throws IOException {
        origin.statistics().record(slot, status, 0, false, status + ": " + reason);
        resp.sendError(status, reason);
    }
}
