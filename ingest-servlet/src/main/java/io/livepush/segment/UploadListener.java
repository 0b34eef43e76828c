package io.livepush.segment;

/**
 * What a subscriber of one {@link UploadInFlight} hears. Every method runs on the uploading request's thread, between
 * two reads of its body, so it must return at once: no I/O, no lock held for long; hand real work to another thread.
 * A subscriber hears {@link #grew} any number of times, then exactly one of {@link #published} or {@link #aborted}.
 */
public interface UploadListener {

    /** The temporary file now holds {@code bytes} bytes of the body (the count only grows). */
    default void grew(UploadInFlight upload, long bytes) {
    }

    /**
     * The upload arrived whole and was renamed over its target: {@link UploadInFlight#bytes()} is its final length.
     * Already open channels on the temporary file keep reading the published file.
     */
    default void published(UploadInFlight upload) {
    }

    /**
     * The upload failed (short body, over the size limit, client gone, disk full): nothing was published, and the
     * temporary file is deleted. Whoever relayed its bytes must not present them as a complete object.
     */
    default void aborted(UploadInFlight upload) {
    }
}
