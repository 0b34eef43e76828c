package io.livepush.bench;

import java.util.List;
import java.util.Map;

/** The answers to N held requests as a load client sees them: {@link HeldRequests} (HTTP/1.1), {@link H2loadRequests}. */
interface HeldAnswers extends AutoCloseable {

    /** How many answers have begun. */
    int answered();

    /** Waits up to {@code millis} for every answer to begin. */
    void awaitAll(long millis) throws InterruptedException;

    /** Milliseconds from {@code since} to each answer (its first byte, or its last where only that is seen). */
    List<Double> latenciesMillis(long since);

    /** Status code to count; 0 counts the requests not answered, -1 the connections closed without an answer. */
    Map<Integer, Integer> statuses();

    /** How many answers had {@code status}. */
    default int status(int status) {
        return statuses().getOrDefault(status, 0);
    }
}
