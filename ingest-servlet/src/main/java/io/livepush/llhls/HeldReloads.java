package io.livepush.llhls;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Blocking playlist reloads waiting for their playlist: each is a started {@link AsyncContext} kept per playlist file,
 * so no thread waits. {@link #changed(Path)} (a playlist was published, or a part of it completed) reads the playlist's
 * answer once and hands it to every held request it now satisfies; one shared timer thread does that check and answers
 * those still held after three target durations (503). Whatever answers a request first wins; the others do nothing.
 * Answers are written on a container thread ({@link AsyncContext#start}); neither the check nor the write runs on the
 * publishing thread.
 */
final class HeldReloads {

    /** How much longer than its own deadline the container lets a held request live, as a safety net. */
    private static final long CONTAINER_MARGIN_MILLIS = 10_000;

    private final Map<Path, Set<Hold>> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    HeldReloads(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Holds {@code context} until the answer of {@code file} satisfies it or {@code timeoutMillis} pass.
     *
     * @param source    the playlist's answer now, {@code null} when there is none; the same for every request held
     *                  on {@code file}
     * @param satisfies whether an answer satisfies this request
     * @param answer    writes the answer (on a container thread)
     * @param expire    writes the 503 (on a container thread)
     */
    void hold(AsyncContext context, Path file, long timeoutMillis, Supplier<PlaylistAnswer> source,
            Predicate<PlaylistAnswer> satisfies, Consumer<PlaylistAnswer> answer, Runnable expire) {
        Hold hold = new Hold(context, file, source, satisfies, answer, expire);
        context.setTimeout(timeoutMillis + CONTAINER_MARGIN_MILLIS);
        context.addListener(hold);
        held.computeIfAbsent(file, key -> ConcurrentHashMap.newKeySet()).add(hold);
        hold.deadline = timer.schedule(hold::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        // A publish between the caller's check and the registration above must not be lost.
        hold.tryAnswer(source.get());
    }

    /**
     * The playlist at {@code file} changed: answers every request it now satisfies, on the timer thread, so that the
     * publishing request (a playlist {@code PUT}) is answered without waiting for thousands of held requests to be
     * checked. A request held after this look is checked by {@link #hold} itself.
     */
    void changed(Path file) {
        if (!held.containsKey(file)) {
            return;
        }
        try {
            timer.execute(() -> {
                Set<Hold> holds = held.get(file);
                Iterator<Hold> first = holds == null ? null : holds.iterator();
                if (first != null && first.hasNext()) {
                    PlaylistAnswer now = first.next().source.get();
                    holds.forEach(hold -> hold.tryAnswer(now));
                }
            });
        } catch (RejectedExecutionException stopping) {
            // live.war is stopping: the container ends the held requests.
        }
    }

    /** The number of requests held now. */
    int size() {
        return held.values().stream().mapToInt(Set::size).sum();
    }

    private void release(Hold hold) {
        held.computeIfPresent(hold.file, (file, holds) -> {
            holds.remove(hold);
            return holds.isEmpty() ? null : holds;
        });
        ScheduledFuture<?> deadline = hold.deadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    /** One held request. */
    private final class Hold implements AsyncListener {
        private final AsyncContext context;
        private final Path file;
        private final Supplier<PlaylistAnswer> source;
        private final Predicate<PlaylistAnswer> satisfies;
        private final Consumer<PlaylistAnswer> answer;
        private final Runnable expire;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile ScheduledFuture<?> deadline;

        Hold(AsyncContext context, Path file, Supplier<PlaylistAnswer> source, Predicate<PlaylistAnswer> satisfies,
                Consumer<PlaylistAnswer> answer, Runnable expire) {
            this.context = context;
            this.file = file;
            this.source = source;
            this.satisfies = satisfies;
            this.answer = answer;
            this.expire = expire;
        }

        void tryAnswer(PlaylistAnswer now) {
            if (now != null && !done.get() && satisfies.test(now) && done.compareAndSet(false, true)) {
                release(this);
                context.start(() -> finish(() -> answer.accept(now)));
            }
        }

        void expire() {
            if (done.compareAndSet(false, true)) {
                release(this);
                context.start(() -> finish(expire));
            }
        }

        private void finish(Runnable write) {
            try {
                write.run();
            } finally {
                complete();
            }
        }

        private void complete() {
            try {
                context.complete();
            } catch (IllegalStateException endedByTheContainer) {
                // The client went away while the answer was written (an HTTP/2 stream is ended as soon as its last
                // byte is out; the client may close the connection before this call): the container ended the
                // request already, and there is nothing left to complete.
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            release(this);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            if (done.compareAndSet(false, true)) {
                release(this);
                finish(expire);
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            done.set(true);
            release(this);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // Not restarted.
        }
    }
}
