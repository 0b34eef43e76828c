package io.livepush.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.segment.ExpiryIndex.SlotId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upload temp files a crashed run left are removed by the startup scan (issue 10), not one file expiry later, while
 * temp files an upload may still be writing survive.
 */
class StaleUploadsTest {

    private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path root;

    private Path file(String relative, Instant modified) throws IOException {
        Path file = root.resolve("acme/cam1").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void startupScanRemovesTempFilesLeftByACrashedRunAndIndexesTheRest() throws IOException {
        Path crashed = file("720p/.upload-0123456789abcdef", START.minus(StaleUploads.QUIET).minusSeconds(1));
        Path crashedLongAgo = file(".upload-ff", START.minusSeconds(86_400));
        Path segment = file("720p/seg_1.ts", START.minusSeconds(600));
        ExpiryIndex index = new ExpiryIndex(root);

        ExpiryIndex.ScanResult result = index.scan(new StaleUploads(START));

        assertThat(crashed).doesNotExist();
        assertThat(crashedLongAgo).doesNotExist();
        assertThat(segment).exists();
        assertThat(result.staleUploads()).isEqualTo(2);
        assertThat(result.files()).isEqualTo(1);
        assertThat(index.takeDue(new SlotId("acme", "cam1"), START)).extracting(ExpiryIndex.DueFile::file)
                .containsExactly(segment);
    }

    @Test
    void aYoungTempFileIsRemovedLaterOnlyIfNothingWroteToIt() throws IOException {
        Path abandoned = file(".upload-aa", START.minusSeconds(5));
        Path stillWriting = file(".upload-bb", START.minusSeconds(5));
        Path published = file(".upload-cc", START.plusSeconds(1));
        StaleUploads uploads = new StaleUploads(START);

        new ExpiryIndex(root).scan(uploads);

        assertThat(abandoned).exists();
        assertThat(stillWriting).exists();
        assertThat(uploads.pending()).isEqualTo(3);
        Files.setLastModifiedTime(stillWriting, FileTime.from(START.plusSeconds(30)));
        Files.move(published, root.resolve("acme/cam1/seg_9.ts"));

        assertThat(uploads.removeQuiet()).isEqualTo(1);
        assertThat(abandoned).doesNotExist();
        assertThat(stillWriting).exists();
        assertThat(root.resolve("acme/cam1/seg_9.ts")).exists();
        assertThat(uploads.pending()).isZero();
        assertThat(uploads.removed()).isEqualTo(1);
    }

    @Test
    void onlyTheStoresTempPrefixCountsAsAnUpload() {
        assertThat(StaleUploads.isUpload(Path.of("a/.upload-12"))).isTrue();
        assertThat(StaleUploads.isUpload(Path.of("a/upload-12"))).isFalse();
        assertThat(StaleUploads.isUpload(Path.of("a/seg.upload-12"))).isFalse();
        assertThat(StaleUploads.isUpload(Path.of("/"))).isFalse();
    }
}
