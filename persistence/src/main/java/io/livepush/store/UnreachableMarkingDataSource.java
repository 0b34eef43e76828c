package io.livepush.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps the container's DataSource so that a failure to hand out a connection always reads as a connection failure
 * ({@link SQLTransientConnectionException}, SQLSTATE 08001). Pools report "no connection in time" in their own ways
 * (MariaDB's pool with SQLSTATE HY000, DBCP with a wrapped {@code NoSuchElementException}); after this, Hibernate and
 * {@link DatabaseFailures} see the same thing for all of them.
 */
final class UnreachableMarkingDataSource implements DataSource {

    private static final String UNABLE_TO_CONNECT = "08001";

    private final DataSource target;

    UnreachableMarkingDataSource(DataSource target) {
        this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return target.getConnection();
        } catch (SQLException e) {
            throw marked(e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        try {
            return target.getConnection(username, password);
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

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
