package io.livepush.playback;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response whose {@code Content-Type} is already decided: the default servlet's own {@code setContentType} (from
 * the container's global mapping of the extension) is ignored. Used only for the rare {@code init*} names with an
 * extension outside the listed ones ({@code init.html}); a wrapped response is served without sendfile, so the
 * everyday path stays unwrapped.
 */
final class FixedContentTypeResponse extends HttpServletResponseWrapper {

    FixedContentTypeResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setContentType(String type) {
        // Decided by the playback filter (ObjectTypes); the multipart type of a multi-range answer may still pass.
        if (type != null && type.startsWith("multipart/byteranges")) {
            super.setContentType(type);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!"Content-Type".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!"Content-Type".equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }
}
