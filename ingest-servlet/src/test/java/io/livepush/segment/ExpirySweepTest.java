package io.livepush.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.testing.MutableClock;
import io.livepush.testing.PublishedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpirySweepTest {

    private static final int EXPIRY = 60;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path root;
    private Path cam;
    private ExpiryIndex index;
    private MutableClock clock;
    private ExpirySweep sweep;

    @BeforeEach
    void setUp() throws IOException {
        cam = Files.createDirectories(root.resolve("acme/cam1"));
        index = new ExpiryIndex(root);
        clock = new MutableClock(T0);
        sweep = new ExpirySweep(index, (shortname, slot) -> "cam1".equals(slot) ? OptionalInt.of(EXPIRY)
                : OptionalInt.empty(), clock);
    }

    /** Publishes a file with the given modification time, as {@link SegmentStore} would tell the index. */
    private Path publish(String relative, Instant modified) throws IOException {
        Path file = cam.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        index.written(PublishedFiles.at(file, modified));
        return file;
    }

    private ExpirySweep.Result sweepAt(Instant now) {
        clock.set(now);
        return sweep.run();
    }

    @Test
    void segmentsGoWhenTheyExpireWhileManifestsStay() throws IOException {
        Path segment = publish("720p/seg_1.ts", T0);
        Path playlist = publish("720p/index.m3u8", T0);
        Path next = publish("720p/seg_2.ts", T0.plusSeconds(10));
        Path init = publish("720p/init.mp4", T0);

        assertThat(sweepAt(T0.plusSeconds(EXPIRY - 1)).deleted()).isZero();
        assertThat(segment).exists();

        ExpirySweep.Result result = sweepAt(T0.plusSeconds(EXPIRY));

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(segment).doesNotExist();
        assertThat(next).exists();
        assertThat(playlist).exists();
        assertThat(init).exists();
    }

    @Test
    void aSweepTouchesOnlyTheFilesThatAreDue() throws IOException {
        for (int i = 0; i < 50; i++) {
            publish("seg_%03d.ts".formatted(i), T0.plusSeconds(i));
        }

        ExpirySweep.Result result = sweepAt(T0.plusSeconds(EXPIRY + 9));

        assertThat(result.due()).isEqualTo(10);
        assertThat(result.deleted()).isEqualTo(10);
        assertThat(index.size()).isEqualTo(40);
    }

    @Test
    void exemptFilesStayWhileAnyOtherFileIsLeft() throws IOException {
        publish("index.m3u8", T0);
        publish("seg_1.ts", T0.plusSeconds(100));

        sweepAt(T0.plusSeconds(EXPIRY + 50));

        assertThat(cam.resolve("index.m3u8")).exists();
        assertThat(cam.resolve("seg_1.ts")).exists();
    }

    @Test
    void exemptFilesGoOnlyWhenTheyAreTheOnlyFilesLeftAndAllExpired() throws IOException {
        publish("720p/seg_1.ts", T0);
        publish("720p/index.m3u8", T0.plusSeconds(1));
        publish("480p/index.m3u8", T0.plusSeconds(5));
        publish("master.m3u8", T0);

        sweepAt(T0.plusSeconds(EXPIRY + 1));
        assertThat(cam.resolve("720p/seg_1.ts")).doesNotExist();
        assertThat(cam.resolve("720p/index.m3u8")).as("the newest manifest has not expired yet").exists();

        ExpirySweep.Result ended = sweepAt(T0.plusSeconds(EXPIRY + 5));

        assertThat(ended.endedStreams()).isEqualTo(1);
        assertThat(cam).isEmptyDirectory();
    }

    @Test
    void anUnindexedSegmentKeepsTheStreamAlive() throws IOException {
        publish("index.m3u8", T0);
        Path stranger = cam.resolve("copied.ts");
        Files.writeString(stranger, "x");
        Files.setLastModifiedTime(stranger, FileTime.from(T0.plusSeconds(30)));

        sweepAt(T0.plusSeconds(EXPIRY));
        assertThat(cam.resolve("index.m3u8")).exists();
        assertThat(stranger).as("found while checking the slot and indexed, not yet due").exists();

        sweepAt(T0.plusSeconds(EXPIRY + 30));
        assertThat(stranger).doesNotExist();
        assertThat(cam.resolve("index.m3u8")).doesNotExist();
    }

    @Test
    void anOverwrittenFileSurvivesItsFirstExpiry() throws IOException {
        publish("live.json", T0);
        publish("live.json", T0.plusSeconds(40));

        ExpirySweep.Result first = sweepAt(T0.plusSeconds(EXPIRY));

        assertThat(first.due()).isEqualTo(1);
        assertThat(first.deleted()).isZero();
        assertThat(cam.resolve("live.json")).exists();
        assertThat(sweepAt(T0.plusSeconds(EXPIRY + 40)).deleted()).isEqualTo(1);
        assertThat(cam.resolve("live.json")).doesNotExist();
    }

    @Test
    void aFileTheEncoderDeletedLeavesQuietly() throws IOException {
        publish("seg_0.ts", T0.minusSeconds(1));
        Path segment = publish("seg_1.ts", T0);
        Files.delete(segment);
        index.removed(segment.resolveSibling("not-the-oldest.ts"));

        ExpirySweep.Result result = sweepAt(T0.plusSeconds(EXPIRY));

        assertThat(result.due()).isEqualTo(2);
        assertThat(result.deleted()).isEqualTo(1);
        assertThat(index.size()).isZero();
    }

    @Test
    void emptyDirectoriesAreRemovedButTheSlotDirectoryStays() throws IOException {
        publish("720p/a/seg_1.ts", T0);
        publish("480p/seg_1.ts", T0);
        publish("480p/seg_2.ts", T0.plusSeconds(30));

        sweepAt(T0.plusSeconds(EXPIRY));

        assertThat(cam.resolve("720p")).doesNotExist();
        assertThat(cam.resolve("480p/seg_2.ts")).exists();
        assertThat(cam).isDirectory();
    }

    @Test
    void aDirectoryTheEncoderEmptiedIsRemovedWhenItsFilesComeDue() throws IOException {
        Path segment = publish("1080p/seg_1.ts", T0);
        Files.delete(segment);

        sweepAt(T0.plusSeconds(EXPIRY));

        assertThat(cam.resolve("1080p")).doesNotExist();
    }

    @Test
    void slotsThisNodeDoesNotServeAreLeftAloneAndForgottenOnceRemoved() throws IOException {
        Path other = Files.createDirectories(root.resolve("acme/gone")).resolve("seg_1.ts");
        Files.writeString(other, "x");
        index.written(PublishedFiles.at(other, T0));

        sweepAt(T0.plusSeconds(EXPIRY * 10));
        assertThat(other).exists();

        Files.delete(other);
        Files.delete(other.getParent());
        sweepAt(T0.plusSeconds(EXPIRY * 11));
        assertThat(index.slots()).isEmpty();
    }

    @Test
    void uploadsThroughTheStoreAreIndexedAndExpire() throws IOException {
        SegmentStore store = new SegmentStore(root);
        store.addListener(index);
        Path segment = store.resolve("acme", "cam1", "720p/seg_1.ts");
        store.write(segment, new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), 10, true);
        Instant written = Files.getLastModifiedTime(segment).toInstant();

        assertThat(index.size()).isEqualTo(1);
        assertThat(sweepAt(written.plusSeconds(EXPIRY - 1)).deleted()).isZero();
        assertThat(sweepAt(written.plusSeconds(EXPIRY + 1)).deleted()).isEqualTo(1);
        assertThat(segment).doesNotExist();
    }

    @Test
    void aRestartRebuildsTheIndexFromTheStartupScan() throws IOException {
        SegmentStore store = new SegmentStore(root);
        store.addListener(index);
        for (String name : new String[] {"720p/seg_1.ts", "720p/seg_2.ts", "720p/index.m3u8", "init.mp4"}) {
            store.write(store.resolve("acme", "cam1", name),
                    new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8)), 100, true);
        }
        Instant written = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);

        ExpiryIndex restarted = new ExpiryIndex(root);
        ExpiryIndex.ScanResult scan = restarted.scan(new StaleUploads(Instant.now()));
        ExpirySweep afterRestart = new ExpirySweep(restarted, (shortname, slot) -> OptionalInt.of(EXPIRY), clock);

        assertThat(scan.files()).isEqualTo(4);
        assertThat(restarted.size()).isEqualTo(2);
        clock.set(written.plus(Duration.ofSeconds(EXPIRY + 1)));
        ExpirySweep.Result result = afterRestart.run();
        assertThat(result.deleted()).isEqualTo(2);
        assertThat(result.endedStreams()).as("the manifests were all that was left").isEqualTo(1);
        assertThat(cam).isEmptyDirectory();
    }
}
