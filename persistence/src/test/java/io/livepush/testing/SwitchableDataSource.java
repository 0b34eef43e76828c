package io.livepush.testing;

import io.livepush.store.DelegatingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that a test can switch off: while off, every {@code getConnection} fails the way a pool fails
 * when the database does not answer (an {@link SQLTransientConnectionException}), so services see a database outage
 * without stopping the server other tests share.
 */
public final class SwitchableDataSource extends DelegatingDataSource {

    private volatile boolean on = true;

    public SwitchableDataSource(DataSource target) {
        super(target);
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
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return super.getConnection(username, password);
    }

    private void check() throws SQLException {
        if (!on) {
            throw new SQLTransientConnectionException("The test switched the database off", "08001");
        }
    }
}
