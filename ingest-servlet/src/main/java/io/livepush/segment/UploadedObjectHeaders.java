package io.livepush.segment;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers that keep uploaded bytes from running on the origin that serves them (SPEC §5; the portal may share
 * that origin): an explicit {@code Content-Type} ({@link ObjectTypes}), {@code X-Content-Type-Options: nosniff} (so
 * no browser guesses HTML from the bytes) and a {@code Content-Security-Policy} that forbids scripts
 * ({@link ObjectType}). Playback ({@code /play}) and ingest's {@code GET}/{@code HEAD} ({@code /push}) both answer
 * through here; every value is a constant, so the cost is three header assignments.
 */
public final class UploadedObjectHeaders {

    /** The header that stops MIME sniffing. */
    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    /** Its only value. */
    public static final String NOSNIFF = "nosniff";
    /** The header that carries the policy. */
    public static final String SECURITY_POLICY = "Content-Security-Policy";

    private UploadedObjectHeaders() {
    }

    /** Sets the headers of a response that carries the stored object of {@code type} (also 206, 304 and HEAD). */
    public static void apply(HttpServletResponse resp, ObjectType type) {
        resp.setContentType(type.contentType());
        resp.setHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
        resp.setHeader(SECURITY_POLICY, type.securityPolicy());
    }

    /**
     * Sets the headers of an answer on the same paths that carries no stored object (a refusal or an error page,
     * written by the container): no sniffing and the sandboxing policy.
     */
    public static void applyToError(HttpServletResponse resp) {
        resp.setHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
        resp.setHeader(SECURITY_POLICY, ObjectType.DOCUMENT_POLICY);
    }
}
