package io.livepush.store;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void aSocketTimeoutDeepInTheChainIsUnavailable() {
        var failure = new PersistenceException("query failed",
                new SQLException("Socket error", "HY000", new SocketTimeoutException("Read timed out")));
        assertThat(DatabaseFailures.isUnavailable(failure)).isTrue();
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new PersistenceException(
                new SQLNonTransientConnectionException("Could not connect")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("link failure", "08S01"))).isTrue();
    }

    @Test
    void aPoolThatHandsOutNoConnectionInTimeIsUnavailable() {
        var failure = new PersistenceException(new SQLException("Cannot get a connection, pool error",
                new NoSuchElementException("Timeout waiting for idle object")));
        assertThat(DatabaseFailures.isUnavailable(failure)).isTrue();
    }

    @Test
    void aFailureHiddenAsSuppressedIsUnavailable() {
        var rollback = new IllegalStateException("rollback failed");
        rollback.addSuppressed(new SocketTimeoutException("Read timed out"));
        assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
    }

    @Test
    void anAnswerWithAnErrorIsNotUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalArgumentException("bad"))).isFalse();
    }
}
