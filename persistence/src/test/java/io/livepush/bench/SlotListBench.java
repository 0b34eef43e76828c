package io.livepush.bench;

import io.livepush.domain.Actor;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.service.AccountDraft;
import io.livepush.service.AccountService;
import io.livepush.service.PopDraft;
import io.livepush.service.PopService;
import io.livepush.service.SlotListService;
import io.livepush.service.SlotQuery;
import io.livepush.service.SlotSort;
import io.livepush.store.Database;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * bench/slot-list.sh: how long one page of the slot list takes (count query + page query + status queries) for an
 * account with N slots, for every sort order and a region filter, first page and last page. Prints a table.
 */
public final class SlotListBench {

    private static final int ROUNDS = 200;

    private SlotListBench() {
    }

    public static void main(String[] args) throws Exception {
        int slots = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Actor operator = Actor.operator("bench");
        Clock clock = Clock.systemUTC();
        try (TestSchema schema = TestDatabases.freshSchema(); Database database = schema.openDatabase()) {
            new AccountService(database, clock).create(operator, new AccountDraft("bench", "Bench", 100_000_000,
                    Map.of(SlotType.LIVE_PUSH, 100_000)));
            long eu = new PopService(database, clock).create(operator, new PopDraft("eu1", Region.EUROPE,
                    "https://eu1.example.com/live", "http://eu1.example.com/live")).id();
            long na = new PopService(database, clock).create(operator, new PopDraft("na1", Region.NORTH_AMERICA,
                    "https://na1.example.com/live", "http://na1.example.com/live")).id();
            insert(schema, slots, eu, na);
            SlotListService list = new SlotListService(database, clock);
            System.out.printf("slots per account: %d, %d rounds per case, page size 50%n", slots, ROUNDS);
            System.out.printf("%-28s %10s %10s%n", "case", "p50 ms", "p99 ms");
            for (SlotSort sort : SlotSort.values()) {
                report(list, operator, "sort " + sort + ", first page", new SlotQuery(null, null, sort, 0, 50));
                report(list, operator, "sort " + sort + ", last page",
                        new SlotQuery(null, null, sort, slots - 50, 50));
            }
            report(list, operator, "region filter, first page",
                    new SlotQuery(Region.NORTH_AMERICA, null, SlotSort.CREATED_DESC, 0, 50));
        }
    }

    private static void report(SlotListService list, Actor actor, String name, SlotQuery query) {
        for (int i = 0; i < 20; i++) {
            list.list(actor, "bench", query);
        }
        long[] nanos = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            list.list(actor, "bench", query);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-28s %10.2f %10.2f%n", name, nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS * 99 / 100] / 1e6);
    }

    private static void insert(TestSchema schema, int slots, long eu, long na) throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection connection = schema.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO slot (id, account_id, name,"
                        + " name_key, slot_type, region, primary_pop_id, use_backup_ingest, total_kbps,"
                        + " segment_duration_ms, file_expiry_seconds, viewer_default_action, mv_mode, mv_deny_status,"
                        + " mv_path_based, mv_path_token, mv_path_delim, mv_strict_referrer, mv_clock_skew_seconds,"
                        + " lifecycle, config_version, provision_requested_at, created_at, updated_at) VALUES"
                        + " (?, (SELECT id FROM account WHERE shortname = 'bench'), ?, ?, 'LIVE_PUSH', ?, ?, FALSE,"
                        + " 1000, 6000, 300, 'ALLOW', 'NONE', 400, FALSE, 'token=', '~', FALSE, 0, 'ACTIVE', 1, ?, ?,"
                        + " ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < slots; i++) {
                boolean america = i % 4 == 0;
                Timestamp created = Timestamp.from(start.plusSeconds(i));
                insert.setString(1, String.format("%032x", i + 1));
                insert.setString(2, "slot-" + i);
                insert.setString(3, "slot-" + i);
                insert.setString(4, america ? "NORTH_AMERICA" : "EUROPE");
                insert.setLong(5, america ? na : eu);
                insert.setTimestamp(6, created);
                insert.setTimestamp(7, created);
                insert.setTimestamp(8, created);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
