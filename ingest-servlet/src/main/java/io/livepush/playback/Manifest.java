package io.livepush.playback;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Objects;

/**
 * One in-memory copy of a stored playlist or manifest ({@link ManifestCache}), with the response headers it is served
 * with: the {@link Validators} Tomcat's default servlet gives the same file.
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
                Validators.etag(content.length, modified), Validators.httpDate(modified.toInstant()),
                Playlists.isMaster(content));
    }

    /** A media playlist fetched from the peer PoP at {@code fetchedAt}, answered in place of a stale local one. */
    static Manifest fromPeer(byte[] content, Instant fetchedAt) {
        FileTime modified = FileTime.from(fetchedAt);
        return new Manifest(content, null, modified, "W/\"peer-" + content.length + "-" + modified.toMillis() + "\"",
                Validators.httpDate(fetchedAt), false);
    }

    /** Returns whether this is still a copy of the file that now has {@code attributes}. */
    boolean isCopyOf(BasicFileAttributes attributes) {
        return content.length == attributes.size() && modified.equals(attributes.lastModifiedTime())
                && Objects.equals(fileKey, attributes.fileKey());
    }
}
