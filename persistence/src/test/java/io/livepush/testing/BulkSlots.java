package io.livepush.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Writes many active Live Push slots with one batched statement, for list tests and benchmarks: creating them through
 * the service would hash a password per slot. Slot {@code i} is named {@code slot-i}, created {@code i} seconds after
 * 2026-01-01, and every fourth one is in North America (on {@code americaPopId}); the rest are in Europe.
 */
public final class BulkSlots {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private BulkSlots() {
    }

    public static void insert(DataSource dataSource, String shortname, int count, long europePopId,
            long americaPopId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO slot (id, account_id, name,"
                        + " name_key, slot_type, region, primary_pop_id, use_backup_ingest, total_kbps,"
                        + " segment_duration_ms, file_expiry_seconds, viewer_default_action, mv_mode, mv_deny_status,"
                        + " mv_path_based, mv_path_token, mv_path_delim, mv_strict_referrer, mv_clock_skew_seconds,"
                        + " lifecycle, config_version, provision_requested_at, created_at, updated_at) VALUES"
                        + " (?, (SELECT id FROM account WHERE shortname = ?), ?, ?, 'LIVE_PUSH', ?, ?, FALSE,"
                        + " 1000, 6000, 300, 'ALLOW', 'NONE', 400, FALSE, 'token=', '~', FALSE, 0, 'ACTIVE', 1, ?, ?,"
                        + " ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                boolean america = i % 4 == 0;
                Timestamp created = Timestamp.from(START.plusSeconds(i));
                insert.setString(1, String.format("%032x", i + 1));
                insert.setString(2, shortname);
                insert.setString(3, "slot-" + i);
                insert.setString(4, "slot-" + i);
                insert.setString(5, america ? "NORTH_AMERICA" : "EUROPE");
                insert.setLong(6, america ? americaPopId : europePopId);
                insert.setTimestamp(7, created);
                insert.setTimestamp(8, created);
                insert.setTimestamp(9, created);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
