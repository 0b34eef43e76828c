package io.livepush.testing;

import io.livepush.segment.PublishedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** The {@link PublishedFile} events that {@code SegmentStore} would send, for tests that drive its listeners directly. */
public final class PublishedFiles {

    private PublishedFiles() {
    }

    /** {@code file} published at {@code modified}, whether or not it exists, without its bytes. */
    public static PublishedFile at(Path file, Instant modified) {
        return new PublishedFile(file, new Attributes(FileTime.from(modified)), null);
    }

    /** The file on disk published as it is now, without its bytes (as for a file larger than the copy buffer). */
    public static PublishedFile onDisk(Path file) throws IOException {
        return new PublishedFile(file, Files.readAttributes(file, BasicFileAttributes.class), null);
    }

    /** The file on disk published as it is now, with its bytes (as for a small playlist or manifest). */
    public static PublishedFile withContent(Path file) throws IOException {
        return new PublishedFile(file, Files.readAttributes(file, BasicFileAttributes.class),
                Files.readAllBytes(file));
    }

    /** The attributes of a regular file that exists only in the test: its modification time, nothing else. */
    private record Attributes(FileTime modified) implements BasicFileAttributes {

        @Override
        public FileTime lastModifiedTime() {
            return modified;
        }

        @Override
        public FileTime lastAccessTime() {
            return modified;
        }

        @Override
        public FileTime creationTime() {
            return modified;
        }

        @Override
        public boolean isRegularFile() {
            return true;
        }

        @Override
        public boolean isDirectory() {
            return false;
        }

        @Override
        public boolean isSymbolicLink() {
            return false;
        }

        @Override
        public boolean isOther() {
            return false;
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public Object fileKey() {
            return null;
        }
    }
}
