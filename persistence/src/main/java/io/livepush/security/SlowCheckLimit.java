package io.livepush.security;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets at most a fixed number of slow password checks run at once; the others wait their turn.
 *
 * <p>Each Argon2id check holds its hash's memory while it runs (19 MiB at {@link Argon2Settings#OWASP}). Without a
 * bound, many checks at once (encoders reconnecting together after a restart, or anyone sending wrong passwords on
 * many connections) fill the heap, and more of them than CPUs would not finish sooner anyway. Callers put the whole
 * decision that needs a check inside {@link #run}, so that what they re-read after waiting (a cache, a row) is seen
 * by the next caller in line.
 *
 * <p>Waiting is not interruptible: a check that was asked for is answered.
 */
public final class SlowCheckLimit {

    private final Semaphore permits;

    /**
     * @param atOnce how many checks may run at the same time; at least 1
     */
    public SlowCheckLimit(int atOnce) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one check must be allowed to run, got " + atOnce);
        }
        this.permits = new Semaphore(atOnce);
    }

    /**
     * Returns the limit production code uses: one check per CPU the JVM may use.
     *
     * @return a limit of {@link Runtime#availableProcessors()}
     */
    public static SlowCheckLimit perCpu() {
        return new SlowCheckLimit(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code decision} once a turn is free, and gives the turn back when it returns or throws.
     *
     * @param decision the work that may run a slow check
     * @param <T>      what it decides
     * @return what {@code decision} returned
     */
    public <T> T run(Supplier<T> decision) {
        permits.acquireUninterruptibly();
        try {
            return decision.get();
        } finally {
            permits.release();
        }
    }
}
