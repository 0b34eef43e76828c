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
import io.livepush.testing.BulkSlots;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import java.time.Clock;
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
            BulkSlots.insert(schema.dataSource(), "bench", slots, eu, na);
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
}
