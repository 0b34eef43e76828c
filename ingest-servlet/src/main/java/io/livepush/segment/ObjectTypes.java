package io.livepush.segment;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The type of every stored object, by its name (SPEC §4, §5): each extension encoders may upload has an explicit
 * {@code Content-Type} here, and {@code live.war}'s {@code web.xml} maps the same extensions to the same types (a unit
 * test holds them together), so Tomcat's default servlet agrees in the quick start, the distribution and any other
 * Tomcat, whatever its global {@code conf/web.xml} says. Why each type: docs/decisions.md, "Uploaded objects on the
 * portal's origin".
 * <p>
 * Initialisation segments named {@code init*} without a listed extension ({@code init}, {@code init-stream0},
 * {@code init.html}) are {@code video/mp4}. Any other name (an extension a deployment added to
 * {@code ingest.allowedExtensions}) gets the container's mapping, or {@code application/octet-stream} when it has
 * none. Pure logic: no servlet types.
 */
public final class ObjectTypes {

    /** The type of initialisation segments that have no listed extension. */
    public static final ObjectType INIT_SEGMENT = ObjectType.of("video/mp4");
    /** The type of objects nothing else names. */
    public static final ObjectType UNKNOWN = ObjectType.of("application/octet-stream");

    private static final Map<String, ObjectType> BY_EXTENSION = Map.ofEntries(
            entry("m3u8", "application/vnd.apple.mpegurl"),
            entry("mpd", "application/dash+xml"),
            entry("ts", "video/mp2t"),
            entry("m4s", "video/iso.segment"),
            entry("mp4", "video/mp4"),
            entry("m4v", "video/mp4"),
            entry("cmfv", "video/mp4"),
            entry("m4a", "audio/mp4"),
            entry("cmfa", "audio/mp4"),
            entry("cmft", "application/mp4"),
            entry("aac", "audio/aac"),
            entry("ac3", "audio/ac3"),
            entry("ec3", "audio/eac3"),
            entry("mp3", "audio/mpeg"),
            entry("vtt", "text/vtt"),
            entry("webvtt", "text/vtt"),
            entry("ttml", "application/ttml+xml"),
            entry("dfxp", "application/ttml+xml"),
            entry("srt", "application/x-subrip"),
            entry("key", "application/octet-stream"),
            entry("json", "application/json"),
            entry("xml", "application/xml"),
            entry("init", "video/mp4"));

    private ObjectTypes() {
    }

    /** The extensions (lower case) with their types: what {@code web.xml} must map. */
    public static Map<String, ObjectType> byExtension() {
        return BY_EXTENSION;
    }

    /**
     * Returns the type of the object named {@code fileName}; never {@code null}.
     *
     * @param containerTypes the container's type of a file name ({@code ServletContext::getMimeType}), asked only for
     *                       names this class does not know; may answer {@code null}
     */
    public static ObjectType of(String fileName, Function<String, String> containerTypes) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        ObjectType listed = BY_EXTENSION.get(extension(lower));
        if (listed != null) {
            return listed;
        }
        if (lower.startsWith("init")) {
            return INIT_SEGMENT;
        }
        String containerType = containerTypes.apply(fileName);
        return containerType == null || containerType.isBlank() ? UNKNOWN : ObjectType.of(containerType);
    }

    /**
     * Returns whether the container's mapping of this name's extension must not decide its type: an {@code init*}
     * name whose extension is not listed ({@code init.html}), which {@link #of} calls {@code video/mp4} while a
     * container's global mappings may say otherwise. Names without an extension have no container mapping.
     */
    public static boolean overridesContainerType(String fileName) {
        if (fileName.length() < 4 || !fileName.regionMatches(true, 0, "init", 0, 4)) {
            return false;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot >= 0 && !BY_EXTENSION.containsKey(lower.substring(dot + 1));
    }

    /** The text after the last dot; empty when there is none. */
    private static String extension(String lowerName) {
        int dot = lowerName.lastIndexOf('.');
        return dot < 0 ? "" : lowerName.substring(dot + 1);
    }

    private static Map.Entry<String, ObjectType> entry(String extension, String contentType) {
        return Map.entry(extension, ObjectType.of(contentType));
    }
}
