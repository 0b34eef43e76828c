package io.livepush.playback;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers a plain {@code GET} or {@code HEAD} of a playlist or manifest from its in-memory copy ({@link Manifest}),
 * with the validators Tomcat's default servlet gives the same file. Conditional and range requests ({@code Range},
 * {@code If-Range}, {@code If-None-Match}, {@code If-Modified-Since}, {@code If-Match}, {@code If-Unmodified-Since})
 * are left to the default servlet, the one place 304, 206, 412 and 416 are implemented (SPEC §5).
 */
final class ManifestResponses {

    private static final String[] CONDITIONAL_HEADERS = {"Range", "If-Range", "If-None-Match", "If-Modified-Since",
            "If-Match", "If-Unmodified-Since"};

    private ManifestResponses() {
    }

    /** Returns whether the in-memory copy may answer {@code req}: it is neither conditional nor a range request. */
    static boolean canAnswer(HttpServletRequest req) {
        for (String header : CONDITIONAL_HEADERS) {
            if (req.getHeader(header) != null) {
                return false;
            }
        }
        return true;
    }

    /** Writes the 200 answer; the object's type and policy, {@code Cache-Control}, CORS and cookies are already set. */
    static void answer(HttpServletRequest req, HttpServletResponse resp, Manifest manifest) throws IOException {
        resp.setHeader("Accept-Ranges", "bytes");
        resp.setHeader("ETag", manifest.etag());
        resp.setHeader("Last-Modified", manifest.lastModifiedHttp());
        resp.setContentLength(manifest.content().length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(manifest.content());
        }
    }
}
