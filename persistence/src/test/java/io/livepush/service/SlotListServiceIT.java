package io.livepush.service;

import static io.livepush.service.ServiceFixture.ACME_ADMIN;
import static io.livepush.service.ServiceFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The slot list at the size SPEC §8 names: 10 000 slots in one account. */
class SlotListServiceIT extends ServiceIT {

    private static final int SLOTS = 10_000;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeAll
    static void setUp() throws Exception {
        fx.accounts.update(OPERATOR, "acme", new AccountDraft(null, "Acme Corp", 100_000_000,
                Map.of(SlotType.LIVE_PUSH, 20_000)));
        insertSlots();
    }

    @Test
    void theDefaultOrderIsNewestFirstAndPagesCoverEverySlotOnce() {
        SlotPage first = fx.slotList.list(ACME_ADMIN, "acme", SlotQuery.firstPage(50));
        SlotPage last = fx.slotList.list(ACME_ADMIN, "acme", new SlotQuery(null, null, null, SLOTS - 20, 50));

        assertThat(first.total()).isEqualTo(SLOTS);
        assertThat(first.items()).hasSize(50);
        assertThat(first.items().get(0).name()).isEqualTo("slot-" + (SLOTS - 1));
        assertThat(first.items()).isSortedAccordingTo(Comparator.comparing(SlotSummary::createdAt).reversed());
        assertThat(last.items()).hasSize(20);
        assertThat(last.items().get(19).name()).isEqualTo("slot-0");
    }

    @Test
    void filteringByRegionCountsAndPagesOnlyThatRegion() {
        SlotPage page = fx.slotList.list(ACME_ADMIN, "acme",
                new SlotQuery(Region.NORTH_AMERICA, null, SlotSort.NAME, 0, 100));

        assertThat(page.total()).isEqualTo(SLOTS / 4);
        assertThat(page.items()).allMatch(slot -> slot.region() == Region.NORTH_AMERICA);
        assertThat(page.items()).isSortedAccordingTo(Comparator.comparing(SlotSummary::name));
    }

    @Test
    void sortingByRegionPutsRegionsInOrderAndNamesInOrderWithin() {
        SlotPage page = fx.slotList.list(ACME_ADMIN, "acme",
                new SlotQuery(null, SlotType.LIVE_PUSH, SlotSort.REGION, SLOTS * 3 / 4 - 100, 200));

        assertThat(page.items().subList(0, 100)).allMatch(slot -> slot.region() == Region.EUROPE)
                .isSortedAccordingTo(Comparator.comparing(SlotSummary::name));
        assertThat(page.items().subList(100, 200)).allMatch(slot -> slot.region() == Region.NORTH_AMERICA)
                .isSortedAccordingTo(Comparator.comparing(SlotSummary::name));
    }

    @Test
    void facetsOfferOnlyValuesThatArePresent() {
        SlotFacets facets = fx.slotList.facets(ACME_ADMIN, "acme");

        assertThat(facets.regions()).containsExactlyInAnyOrder(Region.EUROPE, Region.NORTH_AMERICA);
        assertThat(facets.types()).containsExactly(SlotType.LIVE_PUSH);
    }

    @Test
    void anotherAccountSeesNoneOfThem() {
        assertThat(fx.slotList.list(ServiceFixture.GLOBEX_ADMIN, "globex", SlotQuery.firstPage(10)).total())
                .isZero();
    }

    @Test
    void countingAndFindingAPagesIdsReadOnlyACoveringIndex() throws Exception {
        assertThat(explain("SELECT COUNT(*) FROM slot WHERE account_id = 1 AND lifecycle <> 'DELETED'"))
                .contains("ix_slot_account").contains("Using index");
        for (String order : List.of("created_at DESC, id DESC", "name, id", "region, name, id", "slot_type, name, id")) {
            String plan = explain("SELECT id FROM slot WHERE account_id = 1 AND lifecycle <> 'DELETED' ORDER BY "
                    + order + " LIMIT 50 OFFSET 9950");
            assertThat(plan).as(order).contains("ix_slot_account").contains("Using index");
        }
    }

    private static String explain(String sql) throws Exception {
        try (Connection connection = fx.schema.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE TABLE slot");
            return plan(statement.executeQuery("EXPLAIN " + sql));
        }
    }

    private static String plan(ResultSet result) throws Exception {
        try (ResultSet rows = result) {
            List<String> lines = new ArrayList<>();
            while (rows.next()) {
                lines.add(rows.getString("key") + " " + rows.getString("Extra"));
            }
            return String.join("\n", lines);
        }
    }

    /** Writes the slots with one batched statement: creating them through the service would hash 10 000 passwords. */
    private static void insertSlots() throws Exception {
        try (Connection connection = fx.schema.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO slot (id, account_id, name,"
                        + " name_key, slot_type, region, primary_pop_id, use_backup_ingest, total_kbps,"
                        + " segment_duration_ms, file_expiry_seconds, viewer_default_action, mv_mode, mv_deny_status,"
                        + " mv_path_based, mv_path_token, mv_path_delim, mv_strict_referrer, mv_clock_skew_seconds,"
                        + " lifecycle, config_version, provision_requested_at, created_at, updated_at) VALUES"
                        + " (?, (SELECT id FROM account WHERE shortname = 'acme'), ?, ?, 'LIVE_PUSH', ?, ?, FALSE,"
                        + " 1000, 6000, 300, 'ALLOW', 'NONE', 400, FALSE, 'token=', '~', FALSE, 0, 'ACTIVE', 1, ?, ?,"
                        + " ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < SLOTS; i++) {
                boolean america = i % 4 == 0;
                Timestamp created = Timestamp.from(START.plusSeconds(i));
                insert.setString(1, String.format("%032x", i + 1));
                insert.setString(2, "slot-" + i);
                insert.setString(3, "slot-" + i);
                insert.setString(4, america ? "NORTH_AMERICA" : "EUROPE");
                insert.setLong(5, america ? fx.naPop.id() : fx.euPop.id());
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
