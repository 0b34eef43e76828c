package io.livepush.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Atomic publishing (SPEC §4): a file becomes visible only whole, and an aborted, short or oversized upload leaves
 * neither the target nor a temporary file behind.
 */
class SegmentStoreTest {

    private static final long LIMIT = 1024 * 1024;

    @TempDir
    Path root;

    private SegmentStore store() {
        return new SegmentStore(root);
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Delivers {@code good} bytes, then fails as a socket does when the client goes away mid-body. */
    private static InputStream abortingAfter(int good) {
        return new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent >= good) {
                    throw new IOException("Connection reset by peer");
                }
                sent++;
                return 'x';
            }
        };
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().startsWith(SegmentStore.TEMP_PREFIX)).toList();
        }
    }

    @Test
    void firstWriteCreatesAndSecondReplaces() throws IOException {
        SegmentStore store = store();
        Path target = store.resolve("acme", "cam1", "720p/seg_1.ts");

        assertThat(store.write(target, body("first"), LIMIT, true)).isEqualTo(SegmentStore.WriteResult.CREATED);
        assertThat(store.write(target, body("second"), LIMIT, true)).isEqualTo(SegmentStore.WriteResult.REPLACED);

        assertThat(target).hasContent("second");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void emptyBodyPublishesAnEmptyFile() throws IOException {
        Path target = store().resolve("acme", "cam1", "empty.m3u8");

        store().write(target, InputStream.nullInputStream(), LIMIT, true);

        assertThat(target).isEmptyFile();
    }

    @Test
    void abortedUploadLeavesNeitherTargetNorTempFile() throws IOException {
        SegmentStore store = store();
        Path target = store.resolve("acme", "cam1", "720p/seg_2.ts");

        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> store.write(target, abortingAfter(100_000), LIMIT, true))
                .withMessageContaining("reset");

        assertThat(target).doesNotExist();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void abortedReplacementKeepsThePreviousVersionWhole() throws IOException {
        SegmentStore store = store();
        Path target = store.resolve("acme", "cam1", "index.m3u8");
        store.write(target, body("#EXTM3U\n#complete\n"), LIMIT, true);

        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> store.write(target, abortingAfter(3), LIMIT, true));

        assertThat(target).hasContent("#EXTM3U\n#complete\n");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void oversizedUploadLeavesNothing() throws IOException {
        SegmentStore store = store();
        Path target = store.resolve("acme", "cam1", "big.ts");

        assertThatExceptionOfType(ObjectTooLargeException.class)
                .isThrownBy(() -> store.write(target, new ByteArrayInputStream(new byte[1001]), 1000, true));

        assertThat(target).doesNotExist();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void uploadOfExactlyTheLimitIsStored() throws IOException {
        Path target = store().resolve("acme", "cam1", "edge.ts");

        store().write(target, new ByteArrayInputStream(new byte[1000]), 1000, true);

        assertThat(Files.size(target)).isEqualTo(1000);
    }

    @Test
    void missingParentIsRefusedWhenParentsAreNotCreated() throws IOException {
        Path target = store().resolve("acme", "cam1", "missing/seg.ts");

        assertThatExceptionOfType(NoSuchFileException.class)
                .isThrownBy(() -> store().write(target, body("x"), LIMIT, false));

        assertThat(root.resolve("acme/cam1/missing")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void fileWhereADirectoryShouldBeIsAConflictNotAnError(boolean createParents) throws IOException {
        SegmentStore store = store();
        store.write(store.resolve("acme", "cam1", "a.ts"), body("segment"), LIMIT, true);

        assertThatExceptionOfType(NotDirectoryException.class).isThrownBy(() -> store.write(
                store.resolve("acme", "cam1", "a.ts/b/c.ts"), body("x"), LIMIT, createParents));
        assertThatExceptionOfType(NotDirectoryException.class).isThrownBy(() -> store.write(
                store.resolve("acme", "cam1", "a.ts/c.ts"), body("x"), LIMIT, createParents));
        assertThatExceptionOfType(NotDirectoryException.class)
                .isThrownBy(() -> store.makeDirectory(store.resolve("acme", "cam1", "a.ts/dir")));

        assertThat(root.resolve("acme/cam1/a.ts")).hasContent("segment");
        assertThat(store.delete(store.resolve("acme", "cam1", "a.ts/c.ts"))).isFalse();
    }

    @Test
    @Timeout(30)
    void concurrentWritersOfOnePathEndWithOneWholeVersion() throws Exception {
        SegmentStore store = store();
        Path target = store.resolve("acme", "cam1", "index.m3u8");
        int writers = 8;
        int rounds = 15;
        List<byte[]> payloads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            byte[] payload = new byte[150_000 + w * 1000];
            Arrays.fill(payload, (byte) ('A' + w));
            payloads.add(payload);
        }
        List<String> torn = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (byte[] payload : payloads) {
                results.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < rounds; round++) {
                        store.write(target, new ByteArrayInputStream(payload), LIMIT, true);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    if (Files.exists(target)) {
                        byte[] seen = Files.readAllBytes(target);
                        if (payloads.stream().noneMatch(payload -> Arrays.equals(payload, seen))) {
                            torn.add(seen.length + " bytes");
                        }
                    }
                }
                return null;
            });
            start.countDown();
            for (Future<?> result : results) {
                result.get(20, TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        byte[] last = Files.readAllBytes(target);
        assertThat(payloads).anySatisfy(payload -> assertThat(last).isEqualTo(payload));
        assertThat(torn).as("a reader saw a partial or mixed version").isEmpty();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void resolveRefusesEverythingOutsideTheSlot() {
        SegmentStore store = store();

        for (String escape : List.of("..", "../cam2/x.ts", "../../other/cam1/x.ts", "a/../../cam2/x.ts",
                "/etc/passwd", "720p/../../../x.ts")) {
            assertThatIllegalArgumentException().as(escape).isThrownBy(() -> store.resolve("acme", "cam1", escape));
        }
        assertThat(store.resolve("acme", "cam1", "720p/../seg.ts")).isEqualTo(root.resolve("acme/cam1/seg.ts"));
        assertThat(store.resolve("acme", "cam1", "")).isEqualTo(root.resolve("acme/cam1"));
    }

    @Test
    void slotDirectoryIsAlwaysTwoLevelsBelowTheRoot() {
        SegmentStore store = store();

        assertThat(store.slotDirectory("acme", "cam1")).isEqualTo(root.resolve("acme/cam1"));
        for (String[] bad : List.of(new String[] {"acme", ".."}, new String[] {"..", "cam1"},
                new String[] {"..", ".."}, new String[] {"acme", "."}, new String[] {"acme", "cam1/720p"},
                new String[] {"acme", "../other"})) {
            assertThatIllegalArgumentException().as(String.join("/", bad))
                    .isThrownBy(() -> store.slotDirectory(bad[0], bad[1]));
        }
    }

    @Test
    void removeSlotDeletesItsFilesOnlyAndTellsTheListeners() throws IOException {
        SegmentStore store = store();
        Recorder events = new Recorder();
        store.addListener(events);
        store.write(store.resolve("acme", "cam1", "720p/a.ts"), body("a"), LIMIT, true);
        store.write(store.resolve("acme", "cam1", "index.m3u8"), body("b"), LIMIT, true);
        store.write(store.resolve("acme", "cam2", "index.m3u8"), body("c"), LIMIT, true);

        store.removeSlot("acme", "cam1");
        store.removeSlot("acme", "never-existed");

        assertThat(root.resolve("acme/cam1")).doesNotExist();
        assertThat(root.resolve("acme/cam2/index.m3u8")).hasContent("c");
        assertThat(events.removed).contains(root.resolve("acme/cam1/720p/a.ts"), root.resolve("acme/cam1/index.m3u8"));
        assertThatIllegalArgumentException().isThrownBy(() -> store.removeSlot("acme", ".."));
        assertThat(root.resolve("acme/cam2/index.m3u8")).exists();
    }

    @Test
    void listenersHearOfEveryPublishedFileButNotOfFailedOnes() throws IOException {
        SegmentStore store = store();
        Recorder events = new Recorder();
        store.addListener(events);
        Path ok = store.resolve("acme", "cam1", "ok.ts");
        Path aborted = store.resolve("acme", "cam1", "aborted.ts");

        store.write(ok, body("x"), LIMIT, true);
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> store.write(aborted, abortingAfter(1), LIMIT,
                true));

        assertThat(events.written).extracting(PublishedFile::file).containsExactly(ok);
    }

    @Test
    void listenersGetTheBytesOfSmallManifestsAndTheAttributesOfEveryUpload() throws IOException {
        SegmentStore store = store();
        Recorder events = new Recorder();
        store.addListener(events);
        byte[] large = new byte[200_000];
        Arrays.fill(large, (byte) '#');
        Path playlist = store.resolve("acme", "cam1", "INDEX.M3U8");
        Path watched = store.resolve("acme", "cam1", "low.m3u8");
        Path manifest = store.resolve("acme", "cam1", "stream.mpd");
        Path largeManifest = store.resolve("acme", "cam1", "large.mpd");
        Path segment = store.resolve("acme", "cam1", "seg_1.m4s");

        store.write(playlist, body("#EXTM3U\n#one\n"), LIMIT, true);
        store.write(watched, Channels.newChannel(trickling("#EXTM3U\n#two\n", 4)), LIMIT, true, true);
        store.write(manifest, body("<MPD/>"), LIMIT, true);
        store.write(largeManifest, new ByteArrayInputStream(large), LIMIT, true);
        store.write(segment, body("media"), LIMIT, true);

        assertThat(events.written).extracting(PublishedFile::file)
                .containsExactly(playlist, watched, manifest, largeManifest, segment);
        assertThat(events.written).extracting(file -> file.content() == null ? null
                : new String(file.content(), StandardCharsets.UTF_8))
                .containsExactly("#EXTM3U\n#one\n", "#EXTM3U\n#two\n", "<MPD/>", null, null);
        for (PublishedFile file : events.written) {
            BasicFileAttributes now = Files.readAttributes(file.file(), BasicFileAttributes.class);
            assertThat(file.attributes().fileKey()).isEqualTo(now.fileKey());
            assertThat(file.attributes().size()).isEqualTo(now.size());
            assertThat(file.modified()).isEqualTo(now.lastModifiedTime().toInstant());
        }
        assertThat(watched).hasContent("#EXTM3U\n#two\n");
        assertThat(largeManifest).hasBinaryContent(large);
    }

    /** Records what the store tells its listeners. */
    private static final class Recorder implements SegmentEvents {
        final List<PublishedFile> written = new CopyOnWriteArrayList<>();
        final List<Path> removed = new CopyOnWriteArrayList<>();

        @Override
        public void written(PublishedFile published) {
            written.add(published);
        }

        @Override
        public void removed(Path file) {
            removed.add(file);
        }
    }

    /** A body that arrives {@code pieceBytes} at a time, as a slow encoder's would. */
    private static InputStream trickling(String text, int pieceBytes) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, pieceBytes));
            }
        };
    }

    @Test
    void deleteRemovesFilesButNeverDirectories() throws IOException {
        SegmentStore store = store();
        Path file = store.resolve("acme", "cam1", "720p/a.ts");
        store.write(file, body("a"), LIMIT, true);

        assertThat(store.delete(store.resolve("acme", "cam1", "720p"))).isFalse();
        assertThat(store.delete(file)).isTrue();
        assertThat(store.delete(file)).isFalse();
        assertThat(store.delete(store.resolve("acme", "cam1", "nowhere/a.ts"))).isFalse();
        assertThat(root.resolve("acme/cam1/720p")).isDirectory();
    }

    @Test
    void makeDirectoryCreatesOnceAndNeedsItsParent() throws IOException {
        SegmentStore store = store();
        store.ensureSlotDirectory("acme", "cam1");

        assertThat(store.makeDirectory(store.resolve("acme", "cam1", "1080p"))).isTrue();
        assertThat(store.makeDirectory(store.resolve("acme", "cam1", "1080p"))).isFalse();
        assertThatExceptionOfType(NoSuchFileException.class)
                .isThrownBy(() -> store.makeDirectory(store.resolve("acme", "cam1", "x/y")));
    }
}
