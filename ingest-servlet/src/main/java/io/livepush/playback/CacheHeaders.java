package io.livepush.playback;

import io.livepush.segment.ExpiryPolicy;

/**
 * The {@code Cache-Control} of playback responses (SPEC §5, §6).
 * <p>
 * Objects that can be rewritten in place and are never expired by age (playlists {@code *.m3u8}, manifests
 * {@code *.mpd} and init files {@code *.init}, {@code init*}: the exempt files of SPEC §6,
 * {@link ExpiryPolicy#isExempt(String)}) get the configured manifest value ({@code max-age=1} by default), so that a
 * cache never holds a live playlist or a restarted encoder's new init segment for long. Every other object (a media segment) is immutable until it expires and gets
 * {@code max-age=<the slot's file expiry>}. A response that sets the MediaVault cookie is {@code private}, because a
 * shared cache must not hand one viewer's cookie to another (reference/mediavault.md §11). Refusals and errors are
 * {@value #NO_STORE}. Pure logic: no servlet types.
 */
public record CacheHeaders(String manifestCacheControl) {

    /** The value for refusals and errors (reference/mediavault.md §15). */
    public static final String NO_STORE = "no-store";

    /**
     * Returns the {@code Cache-Control} value for a served object.
     *
     * @param fileName          the object's file name (last path segment)
     * @param fileExpirySeconds the slot's file expiry
     * @param setsCookie        whether the response carries {@code Set-Cookie}
     */
    public String cacheControl(String fileName, int fileExpirySeconds, boolean setsCookie) {
        String value = ExpiryPolicy.isExempt(fileName) ? manifestCacheControl : "max-age=" + fileExpirySeconds;
        return setsCookie ? "private, " + value : value;
    }

    /**
     * Returns the {@code Cache-Control} value for an object served while it uploads: the manifest value, short, so
     * that a cache that kept a response the origin aborted (which RFC 9111 forbids) would not keep it for long.
     */
    public String inFlightCacheControl(boolean setsCookie) {
        return setsCookie ? "private, " + manifestCacheControl : manifestCacheControl;
    }

    /** Returns whether {@code value} can be sent as a header value: printable ASCII, not blank. */
    public static boolean isValidCacheControl(String value) {
        if (value.isBlank()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }
}
