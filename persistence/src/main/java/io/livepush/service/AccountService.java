package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.domain.FreeText;
import io.livepush.domain.Shortname;
import io.livepush.domain.SlotLifecycle;
import io.livepush.domain.SlotType;
import io.livepush.model.Account;
import io.livepush.store.Database;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts and their entitlements (SPEC §2). Operators create and change accounts; an account admin can read only its
 * own account and its entitlement summary.
 */
public final class AccountService {

    /** Generous upper bounds that catch typing mistakes (an extra zero) rather than sell anything. */
    static final int MAX_SLOTS_PER_TYPE = 100_000;
    static final int MAX_KBPS_CAPACITY = 100_000_000;
    private static final int MAX_DISPLAY_NAME = 255;

    private final Database database;
    private final Clock clock;

    public AccountService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Creates an account (operators only). */
    public AccountRecord create(Actor actor, AccountDraft draft) {
        Accounts.requireOperator(actor, "create accounts");
        throwIfAny(problems(draft, true));
        return database.inTransaction(em -> {
            ConfigVersions.next(em);
            boolean taken = em.createQuery("select count(a) from Account a where a.shortname = :s", Long.class)
                    .setParameter("s", draft.shortname()).getSingleResult() > 0;
            if (taken) {
                throw new ConflictException("An account with the shortname '" + draft.shortname() + "' exists");
            }
            Account account = new Account(draft.shortname(), draft.displayName().strip(), draft.livePushKbps(),
                    clock.instant());
            account.setEntitlements(draft.entitlements());
            em.persist(account);
            return record(account);
        });
    }

    /**
     * Changes an account's name, entitlements and capacity (operators only). Entitlements and capacity cannot drop
     * below what the account's slots already use.
     */
    public AccountRecord update(Actor actor, String shortname, AccountDraft draft) {
        Accounts.requireOperator(actor, "change accounts");
        throwIfAny(problems(draft, false));
        return database.inTransaction(em -> {
            ConfigVersions.next(em);
            Account account = Accounts.find(em, actor, shortname);
            EntitlementSummary usage = summary(em, account);
            Problems problems = new Problems();
            for (EntitlementSummary.TypeUsage type : usage.types()) {
                int wanted = draft.entitlements().getOrDefault(type.type(), 0);
                if (wanted < type.used()) {
                    problems.add("entitlements." + type.type().apiValue(), "The account already has " + type.used()
                            + " " + type.type().displayName() + " slots");
                }
            }
            if (draft.livePushKbps() < usage.kbpsProvisioned()) {
                problems.add("livePushKbps", "The account's slots already use " + usage.kbpsProvisioned() + " kbps");
            }
            problems.throwIfAny();
            account.setDisplayName(draft.displayName().strip());
            account.setLivePushKbps(draft.livePushKbps());
            account.setEntitlements(draft.entitlements());
            return record(account);
        });
    }

    /** Every account for an operator; only its own for an account admin. */
    public List<AccountRecord> list(Actor actor) {
        return database.inTransaction(em -> {
            String where = actor.isOperator() ? "" : " where a.shortname = :s";
            var query = em.createQuery("select a from Account a" + where + " order by a.shortname", Account.class);
            if (!actor.isOperator()) {
                query.setParameter("s", actor.accountShortname());
            }
            return query.getResultStream().map(AccountService::record).toList();
        });
    }

    /** One account. */
    public AccountRecord get(Actor actor, String shortname) {
        return database.inTransaction(em -> record(Accounts.find(em, actor, shortname)));
    }

    /** Used and available slots per type and Live Push kbps, as the slot list shows them. */
    public EntitlementSummary entitlements(Actor actor, String shortname) {
        return database.inTransaction(em -> summary(em, Accounts.find(em, actor, shortname)));
    }

    private static EntitlementSummary summary(EntityManager em, Account account) {
        Map<SlotType, Long> used = new EnumMap<>(SlotType.class);
        long kbps = 0;
        List<Object[]> rows = em.createQuery("select s.type, count(s), coalesce(sum(s.totalKbps), 0) from Slot s"
                        + " where s.account = :account and s.lifecycle = :active group by s.type", Object[].class)
                .setParameter("account", account)
                .setParameter("active", SlotLifecycle.ACTIVE)
                .getResultList();
        for (Object[] row : rows) {
            used.put((SlotType) row[0], (Long) row[1]);
            if (row[0] == SlotType.LIVE_PUSH) {
                kbps = ((Number) row[2]).longValue();
            }
        }
        List<EntitlementSummary.TypeUsage> types = new ArrayList<>();
        for (SlotType type : SlotType.values()) {
            types.add(new EntitlementSummary.TypeUsage(type, account.entitlement(type),
                    used.getOrDefault(type, 0L).intValue()));
        }
        return new EntitlementSummary(account.getShortname(), types, account.getLivePushKbps(), (int) kbps);
    }

    /**
     * Every problem of {@code draft}, by field; empty when it has none. Checks nothing in the database.
     *
     * @param creating whether the shortname is checked too (it cannot change afterwards)
     */
    public static Map<String, String> problems(AccountDraft draft, boolean creating) {
        Problems problems = new Problems();
        if (creating) {
            problems.check("shortname", Shortname.problem(draft.shortname()));
        }
        check(problems, draft);
        return problems.asMap();
    }

    private static void throwIfAny(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void check(Problems problems, AccountDraft draft) {
        if (draft.displayName() == null || draft.displayName().isBlank()) {
            problems.add("displayName", "A name is required");
        } else if (draft.displayName().strip().length() > MAX_DISPLAY_NAME) {
            problems.add("displayName", "The name must be at most " + MAX_DISPLAY_NAME + " characters long");
        } else {
            problems.check("displayName", FreeText.problem(draft.displayName()));
        }
        if (draft.livePushKbps() < 0 || draft.livePushKbps() > MAX_KBPS_CAPACITY) {
            problems.add("livePushKbps", "The Live Push capacity must be between 0 and " + MAX_KBPS_CAPACITY
                    + " kbps");
        }
        draft.entitlements().forEach((type, count) -> {
            if (count == null || count < 0 || count > MAX_SLOTS_PER_TYPE) {
                problems.add("entitlements." + type.apiValue(), "A slot count must be between 0 and "
                        + MAX_SLOTS_PER_TYPE);
            }
        });
    }

    static AccountRecord record(Account account) {
        return new AccountRecord(account.getShortname(), account.getDisplayName(), account.getLivePushKbps(),
                account.getEntitlements(), account.getCreatedAt());
    }
}
