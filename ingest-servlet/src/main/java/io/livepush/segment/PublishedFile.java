package io.livepush.segment;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A file ingest has just published, as {@link SegmentEvents} announces it.
 *
 * @param file       where it was published
 * @param attributes its attributes as published: read from the upload itself before the rename, so they describe
 *                   these bytes even when another upload replaced the file right after
 * @param content    its bytes, kept for a playlist or manifest ({@link #isManifest}) that fit the store's copy buffer,
 *                   so that whoever reads it next need not read the file back; {@code null} otherwise
 */
public record PublishedFile(Path file, BasicFileAttributes attributes, byte[] content) {

    public PublishedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** Returns whether {@code fileName} names an HLS playlist or a DASH manifest (compared without regard to case). */
    public static boolean isManifest(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".m3u8") || lower.endsWith(".mpd");
    }

    /** The file's modification time as published. */
    public Instant modified() {
        return attributes.lastModifiedTime().toInstant();
    }
}
