package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.segment.PublishedFile;
import io.livepush.testing.PublishedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestCacheTest {

    @TempDir
    Path dir;

    private final ManifestCache cache = new ManifestCache(1024 * 1024, 0);

    @Test
    void aPlaylistIsReadOnceAndServedFromMemoryWhileTheFileIsUnchanged() throws Exception {
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#EXTINF:2.0,\nseg_1.ts\n");

        Manifest first = cache.current(file, attributes(file));
        Manifest second = cache.current(file, attributes(file));

        assertThat(first).isNotNull();
        assertThat(second).isSameAs(first);
        assertThat(new String(first.content(), StandardCharsets.UTF_8)).isEqualTo("#EXTM3U\n#EXTINF:2.0,\nseg_1.ts\n");
        assertThat(first.master()).isFalse();
        assertThat(cache.bytes()).isEqualTo(first.content().length);
    }

    @Test
    void withoutARecheckIntervalEveryRequestProvesItsCopy() throws Exception {
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#one\n");
        cache.current(file, attributes(file));

        assertThat(cache.recent(file)).isNull();
    }

    @Test
    void aRecentlyProvenCopyIsAnsweredWithoutTheFileUntilAPublishDropsIt() throws Exception {
        ManifestCache rechecking = new ManifestCache(1024 * 1024, 60_000);
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#one\n");
        assertThat(rechecking.recent(file)).as("never proven").isNull();
        Manifest proven = rechecking.current(file, attributes(file));
        Files.writeString(file, "#EXTM3U\n#one, two\n");

        assertThat(rechecking.recent(file)).as("a change around ingest waits for the recheck").isSameAs(proven);

        rechecking.written(PublishedFiles.onDisk(file));

        assertThat(rechecking.recent(file)).as("dropped by the publish").isNull();
        assertThat(new String(rechecking.current(file, attributes(file)).content(), StandardCharsets.UTF_8))
                .isEqualTo("#EXTM3U\n#one, two\n");
        assertThat(rechecking.recent(file)).isNotNull();
        rechecking.removed(file);
        assertThat(rechecking.recent(file)).as("dropped by the encoder's DELETE").isNull();
    }

    @Test
    void aChangeAroundIngestIsSeenOnceTheRecheckIntervalPassed() throws Exception {
        ManifestCache rechecking = new ManifestCache(1024 * 1024, 1);
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#one\n");
        rechecking.current(file, attributes(file));
        Files.writeString(file, "#EXTM3U\n#one, two\n");
        Thread.sleep(5);

        assertThat(rechecking.recent(file)).isNull();
        assertThat(new String(rechecking.current(file, attributes(file)).content(), StandardCharsets.UTF_8))
                .isEqualTo("#EXTM3U\n#one, two\n");
    }

    @Test
    void aPlaylistPublishedByRenameWithTheSameSizeAndTimeIsReadAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#one\n");
        FileTime time = Files.getLastModifiedTime(file);
        cache.current(file, attributes(file));
        Path upload = Files.writeString(dir.resolve(".index.m3u8.tmp"), "#EXTM3U\n#two\n");
        Files.setLastModifiedTime(upload, time);
        Files.move(upload, file, StandardCopyOption.ATOMIC_MOVE);

        Manifest current = cache.current(file, attributes(file));

        assertThat(new String(current.content(), StandardCharsets.UTF_8)).isEqualTo("#EXTM3U\n#two\n");
    }

    @Test
    void aPlaylistRewrittenInPlaceIsReadAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#one\n");
        cache.current(file, attributes(file));
        Files.writeString(file, "#EXTM3U\n#one, two\n");

        assertThat(new String(cache.current(file, attributes(file)).content(), StandardCharsets.UTF_8))
                .isEqualTo("#EXTM3U\n#one, two\n");
    }

    @Test
    void aFileThatChangedSinceTheRequestLookedAtItIsNotCopied() throws Exception {
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#one\n");
        BasicFileAttributes before = attributes(file);
        Files.writeString(file, "#EXTM3U\n#one, two\n");

        assertThat(cache.current(file, before)).isNull();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void segmentsInitFilesAndLargeManifestsAreNotCopied() throws Exception {
        Path segment = Files.write(dir.resolve("seg_1.ts"), new byte[10]);
        Path init = Files.write(dir.resolve("init.mp4"), new byte[10]);
        Path large = Files.write(dir.resolve("big.mpd"), new byte[ManifestCache.MAX_FILE_BYTES + 1]);

        assertThat(cache.current(segment, attributes(segment))).isNull();
        assertThat(cache.current(init, attributes(init))).isNull();
        assertThat(cache.current(large, attributes(large))).isNull();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void thePublishedBytesAreTheNextCopyWithoutARead() throws Exception {
        ManifestCache rechecking = new ManifestCache(1024 * 1024, 60_000);
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#one\n");
        rechecking.current(file, attributes(file));
        Path next = Files.writeString(dir.resolve(".upload-1"), "#EXTM3U\n#one, two\n");
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        rechecking.written(PublishedFiles.withContent(file));

        assertThat(rechecking.recent(file)).as("proven by the next request's stat() first").isNull();
        long misses = rechecking.misses();
        Manifest copy = rechecking.current(file, attributes(file));
        assertThat(new String(copy.content(), StandardCharsets.UTF_8)).isEqualTo("#EXTM3U\n#one, two\n");
        assertThat(rechecking.misses()).as("no read").isEqualTo(misses);
        assertThat(rechecking.recent(file)).as("proven now").isSameAs(copy);
        assertThat(rechecking.bytes()).isEqualTo(copy.content().length);
    }

    @Test
    void publishedBytesAnnouncedAfterANewerUploadAreNeverServed() throws Exception {
        ManifestCache rechecking = new ManifestCache(1024 * 1024, 60_000);
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#first upload\n");
        PublishedFile first = PublishedFiles.withContent(file);
        Path second = Files.writeString(dir.resolve(".upload-2"), "#EXTM3U\n#second\n");
        Files.move(second, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        rechecking.written(PublishedFiles.withContent(file));

        rechecking.written(first);

        assertThat(rechecking.recent(file)).isNull();
        assertThat(new String(rechecking.current(file, attributes(file)).content(), StandardCharsets.UTF_8))
                .isEqualTo("#EXTM3U\n#second\n");
    }

    @Test
    void publishedBytesOfSegmentsAreNotCopied() throws Exception {
        Path segment = Files.write(dir.resolve("seg_1.ts"), new byte[10]);

        cache.written(new PublishedFile(segment, attributes(segment), new byte[10]));

        assertThat(cache.bytes()).isZero();
    }

    @Test
    void aZeroBudgetTurnsTheCacheOff() throws Exception {
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n");

        assertThat(new ManifestCache(0, 0).current(file, attributes(file))).isNull();
    }

    @Test
    void aFullCacheDropsItsCopiesAndStaysWithinTheBudget() throws Exception {
        ManifestCache small = new ManifestCache(100, 0);
        Path a = Files.write(dir.resolve("a.m3u8"), new byte[60]);
        Path b = Files.write(dir.resolve("b.m3u8"), new byte[60]);

        Manifest first = small.current(a, attributes(a));
        small.current(b, attributes(b));

        assertThat(small.bytes()).isEqualTo(60);
        assertThat(small.current(a, attributes(a))).isNotSameAs(first);
    }

    @Test
    void aCopyIsForgottenWhenItsFileIsGone() throws Exception {
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n");
        cache.current(file, attributes(file));

        cache.forget(file);

        assertThat(cache.bytes()).isZero();
    }

    @Test
    void theValidatorsAreThoseOfTheDefaultServlet() throws Exception {
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_795_741_262_674L));

        Manifest manifest = cache.current(file, attributes(file));

        assertThat(manifest.etag()).isEqualTo("W/\"8-1795741262674\"");
        assertThat(manifest.lastModifiedHttp()).isEqualTo("Fri, 27 Nov 2026 01:01:02 GMT");
    }

    @Test
    void aMasterPlaylistIsRecognisedFromItsCopy() throws Exception {
        Path file = Files.writeString(dir.resolve("index.m3u8"),
                "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n720p/index.m3u8\n");

        assertThat(cache.current(file, attributes(file)).master()).isTrue();
    }

    private static BasicFileAttributes attributes(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }
}
