package io.livepush.service;

import static io.livepush.service.ServiceFixture.ACME_ADMIN;
import static io.livepush.service.ServiceFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.testing.BulkSlots;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The slot list at the size SPEC §8 names: 10 000 slots in one account. */
class SlotListServiceIT extends ServiceIT {

    private static final int SLOTS = 10_000;

    @BeforeAll
    static void setUp() throws Exception {
        fx.accounts.update(OPERATOR, "acme", new AccountDraft(null, "Acme Corp", 100_000_000,
                Map.of(SlotType.LIVE_PUSH, 20_000)));
        BulkSlots.insert(fx.schema.dataSource(), "acme", SLOTS, fx.euPop.id(), fx.naPop.id());
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
        assertThat(explain("SELECT COUNT(*) FROM slot WHERE account_id = 1 AND lifecycle = 'ACTIVE'"))
                .contains("ix_slot_account").contains("Using index");
        for (String order : List.of("created_at DESC, id DESC", "name, id", "region, name, id", "slot_type, name, id")) {
            String plan = explain("SELECT id FROM slot WHERE account_id = 1 AND lifecycle = 'ACTIVE' ORDER BY "
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
}
