package io.livepush.store;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.NoSuchElementException;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database that cannot be reached (refused or timed-out connections, a socket time-out, a pool that hands out
 * no connection in time) from a database that answered with an error (a constraint, a deadlock, bad SQL). Only the
 * first kind is worth a "try again in a moment".
 */
public final class DatabaseFailures {

    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_STATE_CLASS = "08";

    private DatabaseFailures() {
    }

    /** Whether {@code failure}, or anything in its chain of causes and suppressed exceptions, says "unreachable". */
    public static boolean isUnavailable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable current = pending.pop();
            if (!seen.add(current)) {
                continue;
            }
            if (isUnreachableSignal(current)) {
                return true;
            }
            if (current.getCause() != null) {
                pending.push(current.getCause());
            }
            for (Throwable suppressed : current.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }

    private static boolean isUnreachableSignal(Throwable failure) {
        if (failure instanceof JDBCConnectionException || failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException || failure instanceof SQLRecoverableException
                || failure instanceof SQLTimeoutException || failure instanceof SocketException
                || failure instanceof SocketTimeoutException) {
            return true;
        }
        if (failure instanceof SQLException sql) {
            String state = sql.getSQLState();
            // A pool (DBCP) that could not hand out a connection in time wraps the pool's NoSuchElementException.
            return state != null && state.startsWith(CONNECTION_STATE_CLASS)
                    || sql.getCause() instanceof NoSuchElementException;
        }
        return false;
    }
}
