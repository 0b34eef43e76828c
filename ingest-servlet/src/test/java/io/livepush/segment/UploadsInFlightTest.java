package io.livepush.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry of uploads in flight: every {@link SegmentStore#write} is announced as started, grown (with the bytes
 * already in the temporary file) and then published or aborted, and a watched upload is written through piece by
 * piece as it arrives.
 */
@Timeout(30)
class UploadsInFlightTest {

    private static final long LIMIT = 1024 * 1024;
    private static final byte[] END = new byte[0];
    private static final byte[] FAIL = new byte[0];

    @TempDir
    Path root;

    private final ExecutorService uploader = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        uploader.shutdownNow();
    }

    /** A body the test hands out piece by piece, as a chunked upload arrives; {@link #FAIL} breaks it. */
    private static final class DripBody extends InputStream {
        private final BlockingQueue<byte[]> pieces = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int offset;

        void send(String text) {
            pieces.add(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (offset == current.length) {
                try {
                    current = pieces.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                offset = 0;
                if (current == END) {
                    return -1;
                }
                if (current == FAIL) {
                    throw new IOException("Connection reset by peer");
                }
            }
            int n = Math.min(len, current.length - offset);
            System.arraycopy(current, offset, b, off, n);
            offset += n;
            return n;
        }
    }

    /** Records what a subscriber hears, with the temp file's content at each growth. */
    private static final class Recorder implements UploadListener {
        final List<String> heard = new CopyOnWriteArrayList<>();
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void grew(UploadInFlight upload, long bytes) {
            record("grew " + bytes + " " + contentOf(upload, bytes));
        }

        @Override
        public void published(UploadInFlight upload) {
            record("published " + upload.bytes());
        }

        @Override
        public void aborted(UploadInFlight upload) {
            record("aborted");
        }

        private void record(String event) {
            heard.add(event);
            events.add(event);
        }

        String next() throws InterruptedException {
            String event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("an announcement within 10 s").isNotNull();
            return event;
        }
    }

    private static String contentOf(UploadInFlight upload, long bytes) {
        try (FileChannel channel = upload.open()) {
            ByteBuffer buffer = ByteBuffer.allocate((int) bytes);
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
                // positional reads until the announced length
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    private Future<SegmentStore.WriteResult> upload(SegmentStore store, Path target, InputStream body) {
        return uploader.submit(() -> store.write(target, body, LIMIT, true));
    }

    @Test
    void aWatchedUploadIsAnnouncedPieceByPieceAndThenPublished() throws Exception {
        SegmentStore store = new SegmentStore(root);
        Path target = store.resolve("acme", "cam1", "720p/seg_1.m4s");
        Recorder recorder = new Recorder();
        BlockingQueue<UploadInFlight> started = new LinkedBlockingQueue<>();
        store.uploadsInFlight().watchStarts(store.slotDirectory("acme", "cam1"), upload -> {
            started.add(upload);
            upload.subscribe(recorder);
        });
        DripBody body = new DripBody();
        Future<SegmentStore.WriteResult> result = upload(store, target, body);

        UploadInFlight upload = started.poll(10, TimeUnit.SECONDS);
        assertThat(upload).isNotNull();
        assertThat(upload.target()).isEqualTo(target);
        assertThat(upload.tempFile().getParent()).isEqualTo(target.getParent());
        assertThat(upload.tempFile().getFileName().toString()).startsWith(SegmentStore.TEMP_PREFIX);
        assertThat(store.uploadsInFlight().find(target)).containsSame(upload);
        assertThat(upload.state()).isEqualTo(UploadInFlight.State.IN_FLIGHT);

        body.send("moof1");
        assertThat(recorder.next()).isEqualTo("grew 5 moof1");
        body.send("mdat1");
        assertThat(recorder.next()).isEqualTo("grew 10 moof1mdat1");
        assertThat(Files.exists(target)).as("nothing published while in flight").isFalse();
        body.pieces.add(END);

        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(SegmentStore.WriteResult.CREATED);
        assertThat(recorder.next()).isEqualTo("published 10");
        assertThat(upload.state()).isEqualTo(UploadInFlight.State.PUBLISHED);
        assertThat(store.uploadsInFlight().find(target)).isEmpty();
        assertThat(store.uploadsInFlight().size()).isZero();
        assertThat(Files.readString(target)).isEqualTo("moof1mdat1");
        assertThat(recorder.heard).hasSize(3);
    }

    @Test
    void aReaderThatSubscribesLateReadsFromByteZero() throws Exception {
        SegmentStore store = new SegmentStore(root);
        Path target = store.resolve("acme", "cam1", "seg_2.m4s");
        BlockingQueue<UploadInFlight> started = new LinkedBlockingQueue<>();
        Recorder first = new Recorder();
        store.uploadsInFlight().watchStarts(store.slotDirectory("acme", "cam1"), upload -> {
            started.add(upload);
            upload.subscribe(first);
        });
        DripBody body = new DripBody();
        Future<SegmentStore.WriteResult> result = upload(store, target, body);
        UploadInFlight upload = started.poll(10, TimeUnit.SECONDS);
        body.send("early");
        first.next();

        Recorder late = new Recorder();
        upload.subscribe(late);
        assertThat(contentOf(upload, upload.bytes())).isEqualTo("early");
        body.send("-late");
        assertThat(late.next()).isEqualTo("grew 10 early-late");
        body.pieces.add(END);
        result.get(10, TimeUnit.SECONDS);
        assertThat(late.next()).isEqualTo("published 10");

        try (FileChannel channel = upload.open()) {
            assertThat(channel.size()).as("open() falls back to the published file").isEqualTo(10);
        }
    }

    @Test
    void aBrokenBodyIsAnnouncedAsAbortedAndPublishesNothing() throws Exception {
        SegmentStore store = new SegmentStore(root);
        Path target = store.resolve("acme", "cam1", "seg_3.m4s");
        Recorder recorder = new Recorder();
        store.uploadsInFlight().watchStarts(store.slotDirectory("acme", "cam1"),
                upload -> upload.subscribe(recorder));
        DripBody body = new DripBody();
        Future<SegmentStore.WriteResult> result = upload(store, target, body);
        body.send("part");
        assertThat(recorder.next()).isEqualTo("grew 4 part");
        UploadInFlight upload = store.uploadsInFlight().find(target).orElseThrow();
        body.pieces.add(FAIL);

        assertThat(recorder.next()).isEqualTo("aborted");
        assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
                .isThrownBy(() -> result.get(10, TimeUnit.SECONDS)).withCauseInstanceOf(IOException.class);
        assertThat(upload.state()).isEqualTo(UploadInFlight.State.ABORTED);
        assertThat(Files.exists(target)).isFalse();
        assertThat(Files.exists(upload.tempFile())).isFalse();
        assertThat(store.uploadsInFlight().find(target)).isEmpty();
        assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(upload::open);

        Recorder afterwards = new Recorder();
        upload.subscribe(afterwards);
        assertThat(afterwards.heard).as("a subscriber after the end hears it at once").containsExactly("aborted");
    }

    @Test
    void anOversizedUploadIsAborted() throws Exception {
        SegmentStore store = new SegmentStore(root);
        Path target = store.resolve("acme", "cam1", "seg_4.m4s");
        Recorder recorder = new Recorder();
        store.uploadsInFlight().watchStarts(store.slotDirectory("acme", "cam1"),
                upload -> upload.subscribe(recorder));

        assertThatExceptionOfType(ObjectTooLargeException.class).isThrownBy(() -> store.write(target,
                new java.io.ByteArrayInputStream(new byte[11]), 10, true));

        assertThat(recorder.heard).last().isEqualTo("aborted");
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void startsAreReportedOnlyBelowTheWatchedDirectoryAndUntilTheWatchCloses() throws Exception {
        SegmentStore store = new SegmentStore(root);
        List<Path> seen = new CopyOnWriteArrayList<>();
        AutoCloseable watch = store.uploadsInFlight().watchStarts(store.slotDirectory("acme", "cam1"),
                upload -> seen.add(upload.target()));
        Path watched = store.resolve("acme", "cam1", "720p/seg_1.ts");
        Path other = store.resolve("acme", "cam10", "seg_1.ts");

        store.write(watched, new java.io.ByteArrayInputStream(new byte[3]), LIMIT, true);
        store.write(other, new java.io.ByteArrayInputStream(new byte[3]), LIMIT, true);
        watch.close();
        store.write(watched, new java.io.ByteArrayInputStream(new byte[3]), LIMIT, true);

        assertThat(seen).containsExactly(watched);
    }

    @Test
    void aFailingListenerDoesNotBreakTheUpload() throws Exception {
        SegmentStore store = new SegmentStore(root);
        Path target = store.resolve("acme", "cam1", "seg_5.ts");
        store.uploadsInFlight().watchStarts(root, upload -> upload.subscribe(new UploadListener() {
            @Override
            public void grew(UploadInFlight upload, long bytes) {
                throw new IllegalStateException("listener bug");
            }
        }));
        store.uploadsInFlight().watchStarts(root, upload -> {
            throw new IllegalStateException("watcher bug");
        });

        store.write(target, new java.io.ByteArrayInputStream("whole".getBytes(StandardCharsets.UTF_8)), LIMIT, true);

        assertThat(Files.readString(target)).isEqualTo("whole");
    }

    @Test
    void theLaterOfTwoUploadsOfOnePathIsFoundAndTheEarlierEndingDoesNotHideIt() throws Exception {
        UploadsInFlight registry = new UploadsInFlight();
        Path target = root.resolve("acme/cam1/index.m3u8");
        UploadInFlight first = registry.started(target, root.resolve("acme/cam1/.upload-1"));
        UploadInFlight second = registry.started(target, root.resolve("acme/cam1/.upload-2"));

        assertThat(registry.find(target)).containsSame(second);
        registry.ended(first, UploadInFlight.State.PUBLISHED);
        assertThat(registry.find(target)).containsSame(second);
        registry.ended(second, UploadInFlight.State.ABORTED);
        assertThat(registry.find(target)).isEmpty();
    }

    @Test
    void anUploadEndsOnceAndUnsubscribedListenersHearNothing() {
        UploadsInFlight registry = new UploadsInFlight();
        UploadInFlight upload = registry.started(root.resolve("a/b/c.ts"), root.resolve("a/b/.upload-1"));
        Recorder kept = new Recorder();
        Recorder gone = new Recorder();
        upload.subscribe(kept);
        upload.subscribe(gone);
        upload.unsubscribe(gone);

        registry.ended(upload, UploadInFlight.State.PUBLISHED);
        registry.ended(upload, UploadInFlight.State.ABORTED);

        assertThat(kept.heard).containsExactly("published 0");
        assertThat(gone.heard).isEmpty();
        assertThat(upload.state()).isEqualTo(UploadInFlight.State.PUBLISHED);
    }
}
