package io.livepush.playback;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers {@code GET} and {@code HEAD} of a playlist or manifest from its in-memory copy ({@link Manifest}): 200 with
 * the body, or 304 when {@code If-None-Match} (weak comparison, {@code *}) or, without it, {@code If-Modified-Since}
 * says the client's copy is current (RFC 9110 §13.2.2). A request with {@code Range}, {@code If-Range},
 * {@code If-Match} or {@code If-Unmodified-Since} is left to Tomcat's default servlet, the one place byte ranges and
 * preconditions on writes are implemented; players never send them for playlists.
 */
final class ManifestResponses {

    private ManifestResponses() {
    }

    /** Returns whether the in-memory copy may answer {@code req}; otherwise the default servlet must. */
    static boolean canAnswer(HttpServletRequest req) {
        return req.getHeader("Range") == null && req.getHeader("If-Range") == null
                && req.getHeader("If-Match") == null && req.getHeader("If-Unmodified-Since") == null;
    }

    /** Writes the answer; {@code Cache-Control}, CORS and cookies are already set. */
    static void answer(HttpServletRequest req, HttpServletResponse resp, Manifest manifest) throws IOException {
        resp.setHeader("Accept-Ranges", "bytes");
        resp.setHeader("ETag", manifest.etag());
        resp.setHeader("Last-Modified", manifest.lastModifiedHttp());
        if (notModified(req.getHeader("If-None-Match"), ifModifiedSince(req), manifest)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (manifest.contentType() != null) {
            resp.setContentType(manifest.contentType());
        }
        resp.setContentLength(manifest.content().length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(manifest.content());
        }
    }

    /**
     * Returns whether the client's copy is current.
     *
     * @param ifNoneMatch     the {@code If-None-Match} header, or {@code null}
     * @param ifModifiedSince the {@code If-Modified-Since} date in epoch milliseconds, or -1 (absent or unparsable)
     */
    static boolean notModified(String ifNoneMatch, long ifModifiedSince, Manifest manifest) {
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, manifest.etag());
        }
        // HTTP dates have whole seconds.
        return ifModifiedSince >= 0 && manifest.lastModifiedMillis() / 1000 * 1000 <= ifModifiedSince;
    }

    /** Weak comparison of {@code etag} with each entity tag of a comma-separated list, or {@code *}. */
    private static boolean matchesAny(String list, String etag) {
        String opaque = opaqueTag(etag);
        for (String candidate : list.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaqueTag(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaqueTag(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static long ifModifiedSince(HttpServletRequest req) {
        try {
            return req.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return -1; // an unparsable date is ignored (RFC 9110 §13.1.3)
        }
    }
}
