package io.livepush.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * The DataSource the embedded Tomcat binds at {@code jdbc/livepush} in ITs (through Tomcat's {@code BeanFactory},
 * which calls {@link #setUrl}). {@link #setDown(boolean)} simulates a database outage: every new connection fails
 * until it is switched back, as when MariaDB is unreachable. (persistence's {@code SwitchableDataSource} wraps a
 * DataSource a test holds; both test jars meet on admin-ui's test class path, hence the two names.)
 */
public class SwitchableJndiDataSource implements DataSource {

    private static volatile boolean down;

    private MariaDbPoolDataSource pool;

    /** Makes every DataSource of this class refuse (or give again) connections. */
    public static void setDown(boolean isDown) {
        down = isDown;
    }

    public void setUrl(String url) throws SQLException {
        pool = new MariaDbPoolDataSource(url + (url.contains("?") ? "&" : "?") + "maxPoolSize=8&minPoolSize=0");
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLException("Simulated database outage");
        }
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
