package io.livepush.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.segment.ExpiryIndex.DueFile;
import io.livepush.segment.ExpiryIndex.SlotId;
import io.livepush.testing.PublishedFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiryIndexTest {

    private static final Path ROOT = Path.of("/srv/livepush").toAbsolutePath();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final SlotId CAM = new SlotId("acme", "cam1");

    private final ExpiryIndex index = new ExpiryIndex(ROOT);

    private static Path file(String relative) {
        return ROOT.resolve("acme/cam1").resolve(relative);
    }

    @Test
    void dueFilesComeOutOldestFirstAndOnlyWhenDue() {
        index.written(PublishedFiles.at(file("720p/seg_3.ts"), T0.plusSeconds(30)));
        index.written(PublishedFiles.at(file("720p/seg_1.ts"), T0.plusSeconds(10)));
        index.written(PublishedFiles.at(file("480p/seg_2.ts"), T0.plusSeconds(20)));

        List<DueFile> due = index.takeDue(CAM, T0.plusSeconds(20));

        assertThat(due).extracting(DueFile::file).containsExactly(file("720p/seg_1.ts"), file("480p/seg_2.ts"));
        assertThat(index.takeDue(CAM, T0.plusSeconds(20))).isEmpty();
        assertThat(index.oldest(CAM)).contains(T0.plusSeconds(30));
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void modificationTimesAreRoundedUpSoNothingIsDueEarly() {
        index.written(PublishedFiles.at(file("seg_1.ts"), T0.plusMillis(1)));

        assertThat(index.takeDue(CAM, T0.plusMillis(999))).isEmpty();
        assertThat(index.takeDue(CAM, T0.plusSeconds(1))).extracting(DueFile::modifiedSecond)
                .containsExactly(T0.getEpochSecond() + 1);
    }

    @Test
    void anOverwrittenFileIsQueuedAgainWithItsNewTime() {
        index.written(PublishedFiles.at(file("seg_1.ts"), T0));
        index.written(PublishedFiles.at(file("seg_1.ts"), T0.plusSeconds(100)));

        // The old entry comes due first and is recognised as stale by the sweep (file newer than the entry) ...
        assertThat(index.takeDue(CAM, T0)).extracting(DueFile::modifiedSecond).containsExactly(T0.getEpochSecond());
        // ... while the new time stays queued.
        assertThat(index.oldest(CAM)).contains(T0.plusSeconds(100));
        assertThat(index.takeDue(CAM, T0.plusSeconds(100))).extracting(DueFile::file).containsExactly(file("seg_1.ts"));
    }

    @Test
    void aFileTheEncoderDeletesLeavesAtOnceWhenItIsTheOldest() {
        index.written(PublishedFiles.at(file("seg_1.ts"), T0));
        index.written(PublishedFiles.at(file("seg_2.ts"), T0.plusSeconds(2)));

        index.removed(file("seg_1.ts"));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.oldest(CAM)).contains(T0.plusSeconds(2));
    }

    @Test
    void removingAFileThatIsNotTheOldestOrNotIndexedChangesNothingVisible() {
        index.written(PublishedFiles.at(file("seg_1.ts"), T0));
        index.written(PublishedFiles.at(file("seg_2.ts"), T0.plusSeconds(2)));

        index.removed(file("seg_2.ts"));
        index.removed(file("never-written.ts"));
        index.removed(ROOT.resolve("outside.ts"));

        assertThat(index.takeDue(CAM, T0.plusSeconds(5))).hasSize(2);
    }

    @Test
    void exemptFilesAreNotQueuedButRememberedByTheirNewestTime() {
        index.written(PublishedFiles.at(file("index.m3u8"), T0.plusSeconds(5)));
        index.written(PublishedFiles.at(file("720p/init.mp4"), T0));

        assertThat(index.size()).isZero();
        assertThat(index.onlyExemptSince(CAM)).contains(T0.plusSeconds(5));

        index.written(PublishedFiles.at(file("seg_9.ts"), T0.plusSeconds(6)));
        assertThat(index.onlyExemptSince(CAM)).isEmpty();
    }

    @Test
    void filesOutsideASlotDirectoryAreIgnored() {
        index.written(PublishedFiles.at(ROOT.resolve("stray.ts"), T0));
        index.written(PublishedFiles.at(ROOT.resolve("acme/stray.ts"), T0));
        index.written(PublishedFiles.at(Path.of("/elsewhere/acme/cam1/seg.ts").toAbsolutePath(), T0));

        assertThat(index.slots()).isEmpty();
    }

    @Test
    void slotsAreKeptApart() {
        index.written(PublishedFiles.at(ROOT.resolve("acme/cam1/seg_1.ts"), T0));
        index.written(PublishedFiles.at(ROOT.resolve("acme/cam2/seg_1.ts"), T0));

        assertThat(index.slots()).containsExactlyInAnyOrder(CAM, new SlotId("acme", "cam2"));
        assertThat(index.takeDue(CAM, T0)).extracting(DueFile::file).containsExactly(file("seg_1.ts"));
        index.forget(new SlotId("acme", "cam2"));
        assertThat(index.slots()).containsExactly(CAM);
    }

    @Test
    void anIndexedSegmentCostsLessThan64BytesOfHeap() {
        int files = 20_000;
        for (int i = 0; i < files; i++) {
            index.written(PublishedFiles.at(ROOT.resolve("acme/cam" + (i % 100))
                    .resolve("720p/segment_%06d.m4s".formatted(i)), T0.plusSeconds(i)));
        }

        assertThat(index.size()).isEqualTo(files);
        assertThat(index.estimatedBytes() / (double) files).isLessThan(64);
    }
}
