package io.livepush.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that a test can switch off: while off, every {@code getConnection} fails the way a pool fails
 * when the database does not answer (an {@link SQLTransientConnectionException}), so services see a database outage
 * without stopping the server other tests share.
 */
public final class SwitchableDataSource implements DataSource {

    private final DataSource target;
    private volatile boolean on = true;

    public SwitchableDataSource(DataSource target) {
        this.target = target;
    }

    /** Makes every new connection fail until {@link #switchOn()}. */
    public void switchOff() {
        on = false;
    }

    public void switchOn() {
        on = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return target.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return target.getConnection(username, password);
    }

    private void check() throws SQLException {
        if (!on) {
            throw new SQLTransientConnectionException("The test switched the database off", "08001");
        }
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
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
