package io.livepush.store;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

class WriteConflictsTest {

    private static final String GALERA_MESSAGE =
            "(conn=12) Deadlock found when trying to get lock; try restarting transaction";

    @Test
    void galeraCertificationFailureWrappedByHibernateIsAConflict() {
        SQLException certification = new SQLTransactionRollbackException(GALERA_MESSAGE, "40001", 1213);
        RuntimeException failure = new PersistenceException("commit failed",
                new LockAcquisitionException("could not execute statement", certification));

        assertThat(WriteConflicts.isConflict(failure)).isTrue();
    }

    @Test
    void deadlockErrorCodeIsAConflictWhateverTheState() {
        assertThat(WriteConflicts.isConflict(new SQLException("Deadlock", "HY000", 1213))).isTrue();
    }

    @Test
    void wsrepConflictMessageIsAConflict() {
        assertThat(WriteConflicts.isConflict(new IllegalStateException(
                "WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction")))
                .isTrue();
    }

    @Test
    void duplicateKeyIsNoConflict() {
        assertThat(WriteConflicts.isConflict(new PersistenceException(new SQLIntegrityConstraintViolationException(
                "Duplicate entry", "23000", 1062)))).isFalse();
    }

    @Test
    void lostConnectionIsNoConflict() {
        assertThat(WriteConflicts.isConflict(new SQLNonTransientConnectionException("Connection is closed",
                "08000", 0))).isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);

        assertThat(WriteConflicts.isConflict(first)).isFalse();
    }
}
