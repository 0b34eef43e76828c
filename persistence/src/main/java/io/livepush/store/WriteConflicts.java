package io.livepush.store;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises a transaction that lost a write conflict: an InnoDB deadlock, or, on a Galera cluster, a certification
 * failure (a transaction that conflicts with one committed first on another node is rolled back and reported as a
 * deadlock, error 1213, "WSREP detected deadlock/conflict and aborted the transaction"). Nothing of such a transaction
 * was applied, so a unit of work that can run again from scratch may simply be repeated.
 */
public final class WriteConflicts {

    /** MariaDB's ER_LOCK_DEADLOCK, also what Galera reports for a certification failure. */
    static final int DEADLOCK = 1213;
    /** SQLSTATE of a serialization failure (transaction rolled back). */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String WSREP_CONFLICT = "WSREP detected deadlock/conflict";

    private WriteConflicts() {
    }

    /** Whether {@code failure}, or any of its causes, says the transaction was rolled back by a write conflict. */
    public static boolean isConflict(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            if (current instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK
                    || SERIALIZATION_FAILURE.equals(sql.getSQLState()))) {
                return true;
            }
            String message = current.getMessage();
            if (message != null && message.contains(WSREP_CONFLICT)) {
                return true;
            }
        }
        return false;
    }
}
