package io.livepush.playback;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.io.IOUtils;

/**
 * Answers a plain {@code GET} of a stored object bigger than 48 KiB (a segment; playlists are answered from memory)
 * as Tomcat's default servlet would, with the {@link Validators} it gives the file, but from the attributes this
 * request's {@code stat()} already read. With the storage mount's cache off (live content changes every second), the
 * default servlet would look the file up again: two {@code realpath()}s and about 17 {@code stat()}s per request
 * (docs/benchmarks.md, 2026-12-06 evening). The bytes go by the connector's sendfile where it offers it (plain
 * HTTP/1.1); elsewhere (TLS, HTTP/2) they are copied in {@value #COPY_BYTES}-byte reads, where the default servlet
 * reads 2 KiB at a time (docs/benchmarks.md, 2026-12-07 morning). The caller passes only requests that are neither
 * conditional nor range requests ({@link ManifestResponses#canAnswer}); {@code HEAD} and smaller objects are left to
 * the default servlet, the one place 304, 206, 412 and 416 are implemented.
 */
final class StoredObjectResponses {

    /** The default servlet sends files bigger than this with sendfile (its {@code sendfileSize}, 48 KiB). */
    static final long SENDFILE_ABOVE_BYTES = 48 * 1024;

    /** Bytes read from the file at a time when the connector has no sendfile. */
    static final int COPY_BYTES = 64 * 1024;

    // Tomcat's request attributes for sendfile (org.apache.catalina.Globals): the connector says whether it can, and
    // an application that sets the file's name and range gets it sent after its own answer's headers.
    private static final String SUPPORTED = "org.apache.tomcat.sendfile.support";
    private static final String FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String START = "org.apache.tomcat.sendfile.start";
    private static final String END = "org.apache.tomcat.sendfile.end";

    private StoredObjectResponses() {
    }

    /**
     * Answers {@code req}, neither conditional nor a range request, for {@code file}, which has {@code attributes},
     * when it is a {@code GET} of an object bigger than {@link #SENDFILE_ABOVE_BYTES}; the object's type and policy,
     * {@code Cache-Control}, CORS and cookies are already set.
     *
     * @return whether it answered; if not, the default servlet must
     */
    static boolean answer(HttpServletRequest req, HttpServletResponse resp, Path file, BasicFileAttributes attributes)
            throws IOException {
        long size = attributes.size();
        if (!"GET".equals(req.getMethod()) || size <= SENDFILE_ABOVE_BYTES) {
            return false;
        }
        resp.setHeader("Accept-Ranges", "bytes");
        resp.setHeader("ETag", Validators.etag(size, attributes.lastModifiedTime()));
        resp.setHeader("Last-Modified", Validators.httpDate(attributes.lastModifiedTime().toInstant()));
        resp.setContentLengthLong(size);
        if (Boolean.TRUE.equals(req.getAttribute(SUPPORTED))) {
            req.setAttribute(FILENAME, file.toAbsolutePath().toString());
            req.setAttribute(START, 0L);
            req.setAttribute(END, size);
        } else {
            copy(file, size, resp.getOutputStream());
        }
        return true;
    }

    /** The first {@code size} bytes of {@code file}, as many as the answer announced (a file replaced since is cut). */
    private static void copy(Path file, long size, ServletOutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            IOUtils.copyLarge(in, out, 0, size, new byte[COPY_BYTES]);
        }
    }
}
