package io.livepush.store;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a unit of work again when its transaction lost a write conflict ({@link WriteConflicts}), at most
 * {@value #ATTEMPTS} times in all, with a short random pause between attempts so that two nodes that collided do not
 * collide again. Only for work that can run again from scratch: each attempt must be a whole new transaction.
 */
final class ConflictRetry {

    static final int ATTEMPTS = 3;
    private static final int MAX_PAUSE_MS = 50;
    private static final Logger LOG = Logger.getLogger(ConflictRetry.class.getName());

    private ConflictRetry() {
    }

    /** The result of the first attempt that does not lose a write conflict; the last conflict when all do. */
    static <T> T run(Supplier<T> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (tried >= ATTEMPTS || !WriteConflicts.isConflict(e)) {
                    throw e;
                }
                LOG.fine("Write conflict (attempt " + tried + " of " + ATTEMPTS + "); running the transaction again");
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, MAX_PAUSE_MS + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to repeat a transaction", e);
        }
    }
}
