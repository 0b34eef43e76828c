package io.livepush.admin.api;

import io.livepush.admin.api.json.ErrorJson;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps every API request body at {@value #MAX_BODY_BYTES} bytes (1 MiB; the largest real body, a slot with the
 * maximum number of address rules, is a few dozen KiB): a larger {@code Content-Length} is refused before reading,
 * and a chunked body is counted while it is read. Either way the answer is 413 {@code body_too_large}.
 */
public final class BodyLimitInterceptor implements ReaderInterceptor {

    /** The largest body the API reads. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String length = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOverLimit(length)) {
            throw tooLarge();
        }
        context.setInputStream(new LimitedStream(context.getInputStream()));
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // A JSON reader may wrap what the stream threw.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BodyTooLargeException) {
                    throw tooLarge();
                }
            }
            throw e;
        }
    }

    private static boolean isOverLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            // Tomcat has already refused a malformed Content-Length; nothing to decide here.
            return false;
        }
    }

    private static WebApplicationException tooLarge() {
        return new WebApplicationException(Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorJson("body_too_large", "The request body is larger than " + MAX_BODY_BYTES
                        + " bytes"))
                .build());
    }

    /** Thrown by the counting stream; never leaves this class. */
    private static final class BodyTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;
    }

    private static final class LimitedStream extends FilterInputStream {

        private long remaining = MAX_BODY_BYTES;

        LimitedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int bytes) throws BodyTooLargeException {
            remaining -= bytes;
            if (remaining < 0) {
                throw new BodyTooLargeException();
            }
        }
    }
}
