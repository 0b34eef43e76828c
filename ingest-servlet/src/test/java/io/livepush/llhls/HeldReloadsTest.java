package io.livepush.llhls;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.playlist.MediaPlaylists;
import jakarta.servlet.AsyncContext;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HeldReloadsTest {

    private static final Path FILE = Path.of("/storage/acme/ll/media_0.m3u8");
    private static final int HELD = 200;

    private static PlaylistAnswer answer(int lastSegment) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:9\n#EXT-X-TARGETDURATION:1\n"
                + "#EXT-X-SERVER-CONTROL:CAN-SKIP-UNTIL=6.0\n#EXT-X-MEDIA-SEQUENCE:1\n");
        for (int i = 1; i <= lastSegment; i++) {
            text.append("#EXTINF:1.0,\nseg").append(i).append(".ts\n");
        }
        return new PlaylistAnswer(MediaPlaylists.parse(text.toString()),
                text.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    /** An async context that runs {@code start}'s task at once and counts {@code complete}. */
    private static AsyncContext context(CountDownLatch completed) {
        return (AsyncContext) Proxy.newProxyInstance(AsyncContext.class.getClassLoader(),
                new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "start" -> ((Runnable) args[0]).run();
                        case "complete" -> completed.countDown();
                        default -> {
                            // setTimeout, addListener: nothing to do here.
                        }
                    }
                    return null;
                });
    }

    @Test
    void aChangeReadsThePlaylistOnceAndReleasesEveryRequestItSatisfies() throws Exception {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        try {
            HeldReloads held = new HeldReloads(timer);
            AtomicReference<PlaylistAnswer> published = new AtomicReference<>(answer(3));
            AtomicInteger reads = new AtomicInteger();
            CountDownLatch completed = new CountDownLatch(HELD);
            List<PlaylistAnswer> answered = new CopyOnWriteArrayList<>();
            for (int i = 0; i < HELD; i++) {
                held.hold(context(completed), FILE, 60_000, () -> {
                    reads.incrementAndGet();
                    return published.get();
                }, now -> now.playlist().lastMediaSequence() >= 4, answered::add, () -> { });
            }
            // One request waits for a later segment: it stays held.
            held.hold(context(new CountDownLatch(1)), FILE, 60_000, published::get,
                    now -> now.playlist().lastMediaSequence() >= 5, answered::add, () -> { });
            assertThat(held.size()).isEqualTo(HELD + 1);
            assertThat(reads).hasValue(HELD);

            published.set(answer(4));
            held.changed(FILE);

            assertThat(completed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(answered).hasSize(HELD).allSatisfy(answer -> assertThat(answer).isSameAs(published.get()));
            assertThat(reads).as("the playlist is read once for the change, not once per held request")
                    .hasValue(HELD + 1);
            assertThat(held.size()).isEqualTo(1);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aRequestTheContainerEndedFirstIsAnsweredWithoutAnError() throws Exception {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        try {
            HeldReloads held = new HeldReloads(timer);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            CountDownLatch written = new CountDownLatch(1);
            // As Tomcat's, once the client closed the connection under an answer being written.
            AsyncContext ended = (AsyncContext) Proxy.newProxyInstance(AsyncContext.class.getClassLoader(),
                    new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "start" -> {
                                try {
                                    ((Runnable) args[0]).run();
                                } catch (Throwable t) {
                                    thrown.set(t);
                                }
                            }
                            case "complete" -> throw new IllegalStateException("already completed");
                            default -> {
                                // setTimeout, addListener: nothing to do here.
                            }
                        }
                        return null;
                    });
            AtomicReference<PlaylistAnswer> published = new AtomicReference<>(answer(3));
            held.hold(ended, FILE, 60_000, published::get, now -> now.playlist().lastMediaSequence() >= 4,
                    now -> written.countDown(), () -> { });

            published.set(answer(4));
            held.changed(FILE);

            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            timer.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(thrown.get()).isNull();
            assertThat(held.size()).isZero();
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void theDeltaUpdateIsRenderedOnceAnAnswer() {
        PlaylistAnswer answer = answer(20);
        byte[] delta = answer.deltaBody();
        assertThat(new String(delta, StandardCharsets.UTF_8)).contains("#EXT-X-SKIP:SKIPPED-SEGMENTS=");
        assertThat(answer.deltaBody()).isSameAs(delta);
    }
}
