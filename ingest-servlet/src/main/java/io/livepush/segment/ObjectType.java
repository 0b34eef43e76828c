package io.livepush.segment;

import java.util.Locale;
import java.util.Objects;

/**
 * How a stored object goes back to a client: its {@code Content-Type} and the {@code Content-Security-Policy} that
 * stops any script in it (SPEC §5). Both values are fixed strings, so a response costs no formatting.
 * <p>
 * Two policies, chosen by the type (docs/decisions.md, "Uploaded objects on the portal's origin"):
 * <ul>
 * <li>{@link #MEDIA_POLICY} for audio, video and HLS playlists, which a browser opened on them directly shows in its
 * own player (Chromium for MP4, Safari also for HLS): no script, style, frame or plug-in, only media from the same
 * origin. A sandbox would stop that player (its document would lose its origin and cannot load its own URL).</li>
 * <li>{@link #DOCUMENT_POLICY} for everything else, which a browser could show as a document (XML such as TTML, DFXP
 * or an MPD, text, JSON, unknown bytes): nothing may load and the document is sandboxed (no script, an opaque origin
 * that sees neither the portal's cookies nor its storage).</li>
 * </ul>
 * Players (hls.js, dash.js, the portal's Player, Safari's native HLS, ffmpeg, VLC) fetch objects with
 * {@code XMLHttpRequest}/{@code fetch} or natively; a response's own CSP does not apply to them.
 *
 * @param contentType    the {@code Content-Type}, never blank
 * @param securityPolicy the {@code Content-Security-Policy}, {@link #MEDIA_POLICY} or {@link #DOCUMENT_POLICY}
 */
public record ObjectType(String contentType, String securityPolicy) {

    /** The policy of objects a browser shows in its own media player. */
    public static final String MEDIA_POLICY = "default-src 'none'; media-src 'self'";
    /** The policy of every other object, and of refusals and error pages on the same paths. */
    public static final String DOCUMENT_POLICY = "default-src 'none'; sandbox";

    public ObjectType {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(securityPolicy, "securityPolicy");
        if (contentType.isBlank()) {
            throw new IllegalArgumentException("A content type must not be blank");
        }
    }

    /** The object type of {@code contentType}, with the policy its kind needs. */
    public static ObjectType of(String contentType) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        boolean media = lower.startsWith("video/") || lower.startsWith("audio/")
                || lower.startsWith("application/vnd.apple.mpegurl");
        return new ObjectType(contentType, media ? MEDIA_POLICY : DOCUMENT_POLICY);
    }
}
