package io.livepush.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What this process saw of database outages: when its transactions last succeeded, and when they started failing
 * because the database was unreachable. Readers that judge other processes by the age of what those wrote (ingest
 * node heartbeats) ask {@link #recentOutageStart} so that rows which could not be written during an outage are not
 * taken for dead nodes. Thread-safe.
 */
public final class DatabaseOutages {

    private final Clock clock;
    private Instant lastSuccess;
    private Instant failingSince;
    private Instant outageStart;
    private Instant lastOutageStart;
    private Instant lastOutageEnd;

    public DatabaseOutages(Clock clock) {
        this.clock = clock;
    }

    /** A transaction committed. Ends the current outage, if any. */
    public synchronized void succeeded() {
        Instant now = clock.instant();
        if (failingSince != null) {
            lastOutageStart = outageStart;
            lastOutageEnd = now;
            failingSince = null;
        }
        lastSuccess = now;
    }

    /** A transaction failed because the database was unreachable. */
    public synchronized void failed() {
        if (failingSince == null) {
            failingSince = clock.instant();
            // The database may have stopped right after the last success; nothing after that is known to be written.
            outageStart = lastSuccess != null ? lastSuccess : failingSince;
        }
    }

    /**
     * When the current outage began, or the last one if it ended less than {@code grace} before {@code now};
     * empty when the database has been reachable for longer than that.
     */
    public synchronized Optional<Instant> recentOutageStart(Instant now, Duration grace) {
        if (failingSince != null) {
            return Optional.of(outageStart);
        }
        if (lastOutageEnd != null && now.isBefore(lastOutageEnd.plus(grace))) {
            return Optional.of(lastOutageStart);
        }
        return Optional.empty();
    }
}
