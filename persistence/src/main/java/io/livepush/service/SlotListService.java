package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.domain.Region;
import io.livepush.domain.SlotLifecycle;
import io.livepush.domain.SlotName;
import io.livepush.domain.SlotType;
import io.livepush.model.Account;
import io.livepush.model.Slot;
import io.livepush.store.Database;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an account's slot list for the portal's grid and the API (SPEC §8): filter by region or type, four sort
 * orders, and pages served by one count query and one query for the page's IDs, both answered from covering indexes
 * led by the account, then one query for those rows, so 10 000 slots per account stay fast even on the last page.
 * Only active slots appear: a deleted slot leaves the list at once (SPEC §8), though read by ID it shows as
 * {@code Deleting} until its files are gone.
 */
public final class SlotListService {

    private final Database database;
    private final Clock clock;
    private final ProvisioningTimeouts timeouts;

    public SlotListService(Database database, Clock clock) {
        this(database, clock, ProvisioningTimeouts.STANDARD);
    }

    /** The same, deriving provisioning statuses with {@code timeouts} instead of the standard limits. */
    public SlotListService(Database database, Clock clock, ProvisioningTimeouts timeouts) {
        this.database = database;
        this.clock = clock;
        this.timeouts = timeouts;
    }

    /** One page of the account's slots. */
    public SlotPage list(Actor actor, String shortname, SlotQuery query) {
        return database.inTransaction(em -> {
            Account account = Accounts.find(em, actor, shortname);
            String where = " from Slot s where s.account = :account and s.lifecycle = :active"
                    + (query.region() == null ? "" : " and s.region = :region")
                    + (query.type() == null ? "" : " and s.type = :type");
            long total = bind(em.createQuery("select count(s)" + where, Long.class), account, query)
                    .getSingleResult();
            // The page's IDs come from the covering index alone, however deep the page; only its rows are read.
            List<String> ids = bind(em.createQuery("select s.id" + where + " order by " + query.sort().orderBy(),
                    String.class), account, query)
                    .setFirstResult(query.offset())
                    .setMaxResults(query.limit())
                    .getResultList();
            List<Slot> slots = rows(em, ids);
            Instant now = clock.instant();
            Map<String, Provisioning.Verdict> verdicts = SlotRecords.statuses(em, slots, now, database.outages(),
                    timeouts);
            Map<String, LiveActivity> activities = IngestStatsService.activities(em, slots, now);
            return new SlotPage(slots.stream()
                    .map(slot -> SlotRecords.summary(slot, SlotRecords.shownTo(actor, verdicts.get(slot.getId())),
                            activities.get(slot.getId())))
                    .toList(), total);
        });
    }

    /** The regions and types the account's slots have: what the "Show only" list offers. */
    public SlotFacets facets(Actor actor, String shortname) {
        return database.inTransaction(em -> {
            Account account = Accounts.find(em, actor, shortname);
            Set<Region> regions = EnumSet.noneOf(Region.class);
            Set<SlotType> types = EnumSet.noneOf(SlotType.class);
            em.createQuery("select distinct s.region, s.type from Slot s where s.account = :account"
                            + " and s.lifecycle = :active", Object[].class)
                    .setParameter("account", account)
                    .setParameter("active", SlotLifecycle.ACTIVE)
                    .getResultStream()
                    .forEach(row -> {
                        regions.add((Region) row[0]);
                        types.add((SlotType) row[1]);
                    });
            return new SlotFacets(regions, types);
        });
    }

    /** Whether the account could take a new slot named {@code name}: valid and not taken in any letter case. */
    public boolean isNameAvailable(Actor actor, String shortname, String name) {
        if (!SlotName.isValid(name)) {
            return false;
        }
        return database.inTransaction(em -> !SlotLookup.isNameTaken(em, Accounts.find(em, actor, shortname), name));
    }

    private static List<Slot> rows(EntityManager em, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Slot> byId = em.createQuery("select s from Slot s join fetch s.account join fetch s.primaryPop"
                        + " where s.id in :ids", Slot.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(Slot::getId, slot -> slot));
        return ids.stream().map(byId::get).toList();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> typed, Account account, SlotQuery query) {
        typed.setParameter("account", account).setParameter("active", SlotLifecycle.ACTIVE);
        if (query.region() != null) {
            typed.setParameter("region", query.region());
        }
        if (query.type() != null) {
            typed.setParameter("type", query.type());
        }
        return typed;
    }
}
