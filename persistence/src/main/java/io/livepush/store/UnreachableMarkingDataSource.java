package io.livepush.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * Wraps the container's DataSource so that a failure to hand out a connection always reads as a connection failure
 * ({@link SQLTransientConnectionException}, SQLSTATE 08001). Pools report "no connection in time" in their own ways
 * (MariaDB's pool with SQLSTATE HY000, DBCP with a wrapped {@code NoSuchElementException}); after this, Hibernate and
 * {@link DatabaseFailures} see the same thing for all of them.
 */
final class UnreachableMarkingDataSource extends DelegatingDataSource {

    private static final String UNABLE_TO_CONNECT = "08001";

    UnreachableMarkingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return target().getConnection();
        } catch (SQLException e) {
            throw marked(e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        try {
            return target().getConnection(username, password);
        } catch (SQLException e) {
            throw marked(e);
        }
    }

    private static SQLException marked(SQLException failure) {
        if (failure instanceof SQLTransientConnectionException) {
            return failure;
        }
        return new SQLTransientConnectionException(failure.getMessage(), UNABLE_TO_CONNECT, failure);
    }
}
