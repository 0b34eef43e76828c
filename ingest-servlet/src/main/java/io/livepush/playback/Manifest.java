package io.livepush.playback;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * One in-memory copy of a stored playlist or manifest ({@link ManifestCache}), with the response headers it is served
 * with. The validators are those Tomcat's default servlet gives the same file (weak {@code ETag}
 * {@code W/"<size>-<modified ms>"}, {@code Last-Modified} in IMF-fixdate), so a cache that got either answer
 * revalidates it with the default servlet, which answers conditional requests.
 *
 * @param content          the file's bytes; never modified
 * @param fileKey          the file's identity (device and inode) when read, or {@code null} if the file system has none
 * @param modified         the file's modification time when read
 * @param etag             the weak entity tag
 * @param lastModifiedHttp the {@code Last-Modified} value
 * @param master           whether this is an HLS master playlist (reference/mediavault.md §12)
 */
record Manifest(byte[] content, Object fileKey, FileTime modified, String etag, String lastModifiedHttp,
        boolean master) {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    Manifest {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModifiedHttp, "lastModifiedHttp");
    }

    /** A copy of {@code content}, read from a file that had {@code attributes} throughout. */
    static Manifest of(byte[] content, BasicFileAttributes attributes) {
        FileTime modified = attributes.lastModifiedTime();
        return new Manifest(content, attributes.fileKey(), modified,
                "W/\"" + content.length + "-" + modified.toMillis() + "\"", HTTP_DATE.format(modified.toInstant()),
                Playlists.isMaster(content));
    }

    /** A media playlist fetched from the peer PoP at {@code fetchedAt}, answered in place of a stale local one. */
    static Manifest fromPeer(byte[] content, Instant fetchedAt) {
        FileTime modified = FileTime.from(fetchedAt);
        return new Manifest(content, null, modified, "W/\"peer-" + content.length + "-" + modified.toMillis() + "\"",
                HTTP_DATE.format(fetchedAt), false);
    }

    /** Returns whether this is still a copy of the file that now has {@code attributes}. */
    boolean isCopyOf(BasicFileAttributes attributes) {
        return content.length == attributes.size() && modified.equals(attributes.lastModifiedTime())
                && Objects.equals(fileKey, attributes.fileKey());
    }
}
