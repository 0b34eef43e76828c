package io.livepush.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    private static PersistenceException conflict() {
        return new PersistenceException(new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
    }

    @Test
    void aTransactionThatLostAConflictRunsAgainUntilItCommits() {
        AtomicInteger attempts = new AtomicInteger();

        String result = ConflictRetry.run(() -> {
            if (attempts.incrementAndGet() < ConflictRetry.ATTEMPTS) {
                throw conflict();
            }
            return "committed";
        });

        assertThat(result).isEqualTo("committed");
        assertThat(attempts).hasValue(ConflictRetry.ATTEMPTS);
    }

    @Test
    void afterTheLastAttemptTheConflictSurfaces() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> ConflictRetry.run(() -> {
            attempts.incrementAndGet();
            throw conflict();
        })).isInstanceOf(PersistenceException.class);
        assertThat(attempts).hasValue(ConflictRetry.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotRepeated() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> ConflictRetry.run(() -> {
            attempts.incrementAndGet();
            throw new PersistenceException(new SQLIntegrityConstraintViolationException("Duplicate", "23000", 1062));
        })).isInstanceOf(PersistenceException.class);
        assertThat(attempts).hasValue(1);
    }
}
