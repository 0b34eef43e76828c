package io.livepush.mediavault;

import java.util.function.Predicate;

/**
 * Which playback objects of a slot need a MediaVault token (reference/mediavault.md §12).
 * <p>
 * Live Push has no fixed manifest names, so objects are told apart by extension and, for HLS, by content: an
 * {@code .m3u8} that contains {@code #EXT-X-STREAM-INF} is a main (master) playlist, any other {@code .m3u8} is a
 * sub-manifest (media playlist). Every {@code .mpd} counts as a main manifest. Extensions are compared without
 * regard to case, so an oddly spelled name is protected rather than waved through. The path-based switch is not a
 * mode; it is {@link MediaVaultSettings#pathBased()} and combines with every mode except {@link #NONE}.
 */
public enum MediaVaultMode {

    /** Nothing is checked. */
    NONE,

    /** Only main manifests need a token; sub-manifests, init files and segments pass. */
    URL,

    /** Every {@code .m3u8} and {@code .mpd} needs a token (typically one directory token); segments pass. */
    URL_WITH_SUB_MANIFESTS,

    /** Every object needs a query token or a valid {@code _llnw_hashsecret} cookie, which success (re)issues. */
    COOKIE,

    /** Project extension: every object needs a token, usually a path-based directory token. */
    URL_ALL;

    /** The tag whose presence makes an HLS playlist a main (master) playlist. */
    public static final String HLS_MASTER_TAG = "#EXT-X-STREAM-INF";

    /**
     * Returns whether the object at {@code path} needs a token in this mode.
     *
     * @param path             the raw request path, with any path-based token segment already removed
     * @param isMasterPlaylist asked only in {@link #URL} mode and only for {@code .m3u8} paths, with {@code path};
     *                         answers whether the stored playlist is an HLS master playlist (see
     *                         {@link #isHlsMasterPlaylist(CharSequence)})
     * @return {@code true} if the request must carry a valid token
     */
    public boolean requiresToken(String path, Predicate<String> isMasterPlaylist) {
        return switch (this) {
            case NONE -> false;
            case COOKIE, URL_ALL -> true;
            case URL_WITH_SUB_MANIFESTS -> isDashManifest(path) || isHlsPlaylist(path);
            case URL -> isDashManifest(path) || isHlsPlaylist(path) && isMasterPlaylist.test(path);
        };
    }

    /** Returns whether cookies are accepted and issued in this mode. */
    public boolean usesCookies() {
        return this == COOKIE;
    }

    /** Returns whether {@code content}, the text of an {@code .m3u8}, is an HLS master playlist. */
    public static boolean isHlsMasterPlaylist(CharSequence content) {
        return content.toString().contains(HLS_MASTER_TAG);
    }

    /** Returns whether {@code path} names an HLS playlist ({@code .m3u8}, any case). */
    public static boolean isHlsPlaylist(String path) {
        return endsWithIgnoreCase(path, ".m3u8");
    }

    /** Returns whether {@code path} names a DASH manifest ({@code .mpd}, any case). */
    public static boolean isDashManifest(String path) {
        return endsWithIgnoreCase(path, ".mpd");
    }

    private static boolean endsWithIgnoreCase(String path, String suffix) {
        int start = path.length() - suffix.length();
        return start >= 0 && path.regionMatches(true, start, suffix, 0, suffix.length());
    }
}
