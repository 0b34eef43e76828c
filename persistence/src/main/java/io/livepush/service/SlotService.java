package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.domain.SlotLifecycle;
import io.livepush.domain.SlotType;
import io.livepush.model.Account;
import io.livepush.model.MediaVaultColumns;
import io.livepush.model.Slot;
import io.livepush.model.SlotAudit;
import io.livepush.model.SlotSettings;
import io.livepush.security.PasswordHasher;
import io.livepush.security.Secrets;
import io.livepush.store.Database;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates, clones, edits and deletes slots and reads them one at a time (SPEC §3). Every call is scoped to an account
 * the {@link Actor} may manage; a slot of another account is reported as missing. Every change moves the config version
 * forward (ingest nodes reload what changed) and appends to the slot's history.
 * <p>
 * Every write transaction starts by taking the config version (a row lock), so slot writes are serialised: the name,
 * entitlement and capacity checks that follow see every committed change, and two admins racing for the last
 * entitlement or the same name cannot both win. Slow password hashing happens before the transaction starts.
 */
public final class SlotService {

    private final Database database;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final ProvisioningTimeouts timeouts;

    public SlotService(Database database, PasswordHasher hasher, Clock clock) {
        this(database, hasher, clock, ProvisioningTimeouts.STANDARD);
    }

    /** The same, deriving provisioning statuses with {@code timeouts} instead of the standard limits. */
    public SlotService(Database database, PasswordHasher hasher, Clock clock, ProvisioningTimeouts timeouts) {
        this.database = database;
        this.hasher = hasher;
        this.clock = clock;
        this.timeouts = timeouts;
    }

    /** Creates a slot, refusing one over the account's entitlement or Live Push kbps capacity. */
    public SlotRecord create(Actor actor, String shortname, SlotDraft draft) {
        Map<String, String> early = SlotValidator.newSlotProblems(draft.name(), draft.type(), draft.credentials());
        // The slow hashes only when they will be stored; the other problems are reported with these at once.
        List<String> hashes = early.isEmpty() ? hashAll(draft.credentials()) : List.of();
        return database.inTransaction(em -> {
            long version = ConfigVersions.next(em);
            Account account = Accounts.find(em, actor, shortname);
            SlotSettings settings = SlotValidator.settings(em, draft, null, early);
            Slot slot = insert(em, version, account, draft.name(), draft.type(), settings, draft.credentials(),
                    hashes);
            AuditTrail.record(em, slot, actor, "created",
                    AuditTrail.describe(Map.of(), AuditTrail.snapshot(slot)), slot.getCreatedAt());
            return record(em, slot, actor);
        });
    }

    /**
     * Every problem {@link #create} would report for {@code draft}, by field, without creating anything; empty when
     * it has none. For callers that found problems of their own while reading the input, so that they can report all
     * of them at once.
     */
    public Map<String, String> problems(Actor actor, String shortname, SlotDraft draft) {
        Map<String, String> early = SlotValidator.newSlotProblems(draft.name(), draft.type(), draft.credentials());
        return database.inTransaction(em -> {
            Accounts.find(em, actor, shortname);
            return settingsProblems(em, draft, null, early);
        });
    }

    /** Every problem {@link #update(Actor, String, SlotDraft)} would report for {@code draft}, by field. */
    public Map<String, String> updateProblems(Actor actor, String slotId, SlotDraft draft) {
        return database.inTransaction(em -> settingsProblems(em, draft,
                SlotLookup.find(em, actor, slotId).getMediaVault(), Map.of()));
    }

    private static Map<String, String> settingsProblems(EntityManager em, SlotDraft draft, MediaVaultColumns stored,
            Map<String, String> early) {
        try {
            SlotValidator.settings(em, draft, stored, early);
            return Map.of();
        } catch (InvalidInputException e) {
            return e.fieldErrors();
        }
    }

    /**
     * Creates a copy of a slot under a new name: every setting but the ID, the name and the passwords, which the caller
     * types again for the user names it keeps (SPEC §3 Clone).
     */
    public SlotRecord clone(Actor actor, String sourceSlotId, String newName, List<NewCredential> credentials) {
        return cloneWith(actor, sourceSlotId, newName, credentials, null);
    }

    /**
     * Creates a copy of a slot with the settings of {@code draft} (the Clone form, which starts from the source's
     * settings and may change them), in one transaction. A {@code null} MediaVault secret in the draft keeps the
     * source's secret.
     */
    public SlotRecord clone(Actor actor, String sourceSlotId, SlotDraft draft) {
        return cloneWith(actor, sourceSlotId, draft.name(), draft.credentials(), draft);
    }

    private SlotRecord cloneWith(Actor actor, String sourceSlotId, String newName, List<NewCredential> credentials,
            SlotDraft edited) {
        Map<String, String> early = SlotValidator.newSlotProblems(newName, SlotType.LIVE_PUSH, credentials);
        if (edited == null && !early.isEmpty()) {
            throw new InvalidInputException(early);
        }
        List<String> hashes = early.isEmpty() ? hashAll(credentials) : List.of();
        return database.inTransaction(em -> {
            long version = ConfigVersions.next(em);
            Slot source = SlotLookup.find(em, actor, sourceSlotId);
            SlotSettings settings = edited == null ? source.settings()
                    : SlotValidator.settings(em, edited, source.getMediaVault(), early);
            Slot slot = insert(em, version, source.getAccount(), newName, source.getType(), settings, credentials,
                    hashes);
            AuditTrail.record(em, slot, actor, "cloned from " + source.getName(),
                    AuditTrail.describe(Map.of(), AuditTrail.snapshot(slot)), slot.getCreatedAt());
            return record(em, slot, actor);
        });
    }

    /** Changes every setting but the ID, the name, the type and the credentials. */
    public SlotRecord update(Actor actor, String slotId, SlotDraft draft) {
        return update(actor, slotId, draft, CredentialChanges.NONE);
    }

    /**
     * Changes every setting but the ID, the name and the type, and the credentials as the Edit form changed them, all
     * in one transaction: a refusal (invalid input, capacity, a credential that exists or is gone) changes nothing.
     */
    public SlotRecord update(Actor actor, String slotId, SlotDraft draft, CredentialChanges credentials) {
        Map<String, String> early = SlotValidator.credentialProblems(credentials.added());
        List<String> hashes = early.isEmpty() ? hashAll(credentials.added()) : List.of();
        return database.inTransaction(em -> {
            long version = ConfigVersions.next(em);
            Slot slot = SlotLookup.find(em, actor, slotId);
            SlotSettings settings = SlotValidator.settings(em, draft, slot.getMediaVault(), early);
            Entitlements.checkKbps(em, slot.getAccount(), settings.totalKbps(), slot.getId());
            Map<String, String> before = AuditTrail.snapshot(slot);
            slot.configure(settings);
            String changes = AuditTrail.describe(before, AuditTrail.snapshot(slot));
            Instant now = clock.instant();
            if (!changes.isEmpty()) {
                AuditTrail.record(em, slot, actor, "updated", changes, now);
            }
            applyCredentials(em, slot, actor, credentials, hashes, now);
            if (!changes.isEmpty() || !credentials.isEmpty()) {
                slot.touch(version, now);
            }
            return record(em, slot, actor);
        });
    }

    private void applyCredentials(EntityManager em, Slot slot, Actor actor, CredentialChanges changes,
            List<String> hashes, Instant now) {
        if (changes.clearAll()) {
            slot.clearCredentials();
            AuditTrail.record(em, slot, actor, "credentials cleared", "", now);
        }
        for (String username : changes.removed()) {
            if (!slot.removeCredential(username)) {
                throw new NotFoundException("The slot has no credential for '" + username + "'");
            }
            AuditTrail.record(em, slot, actor, "credential removed", "username: " + username, now);
        }
        for (int i = 0; i < changes.added().size(); i++) {
            String username = changes.added().get(i).username();
            if (slot.getCredentials().stream().anyMatch(existing -> existing.getUsername().equals(username))) {
                throw new ConflictException("The slot already has a credential for '" + username + "'");
            }
            slot.addCredential(username, hashes.get(i), now);
            AuditTrail.record(em, slot, actor, "credential added", "username: " + username, now);
        }
    }

    /**
     * Deletes a slot: ingest and playback stop as soon as nodes load the change, its files are removed in the
     * background, and it shows as {@code Deleting} until they are. It cannot be undone.
     */
    public void delete(Actor actor, String slotId) {
        database.runInTransaction(em -> {
            long version = ConfigVersions.next(em);
            Slot slot = SlotLookup.find(em, actor, slotId);
            if (slot.getLifecycle() != SlotLifecycle.ACTIVE) {
                return;
            }
            Instant now = clock.instant();
            slot.markDeleting(version, now);
            AuditTrail.record(em, slot, actor, "deleted", "", now);
        });
    }

    /** Returns the slot with the given ID. */
    public SlotRecord get(Actor actor, String slotId) {
        return database.inTransaction(em -> record(em, SlotLookup.find(em, actor, slotId), actor));
    }

    /** Returns the slot of {@code shortname} named {@code name} (without regard to case). */
    public SlotRecord find(Actor actor, String shortname, String name) {
        return database.inTransaction(em -> record(em, SlotLookup.byName(em, actor, shortname, name), actor));
    }

    /** Adds a publish credential; the password is stored only as a slow salted hash. */
    public SlotRecord addCredential(Actor actor, String slotId, NewCredential credential) {
        return changeCredentials(actor, slotId, new CredentialChanges(false, List.of(), List.of(credential)));
    }

    /** Removes the publish credential of {@code username}. */
    public SlotRecord removeCredential(Actor actor, String slotId, String username) {
        return changeCredentials(actor, slotId, new CredentialChanges(false, List.of(username), List.of()));
    }

    /** Removes every publish credential: the slot then refuses every push until a credential is added. */
    public SlotRecord clearCredentials(Actor actor, String slotId) {
        return changeCredentials(actor, slotId, new CredentialChanges(true, List.of(), List.of()));
    }

    /** The slot's history, newest first. */
    public List<AuditEntry> history(Actor actor, String slotId) {
        return database.inTransaction(em -> {
            Slot slot = SlotLookup.find(em, actor, slotId);
            return em.createQuery("select a from SlotAudit a where a.slotId = :id order by a.at desc, a.id desc",
                            SlotAudit.class)
                    .setParameter("id", slot.getId())
                    .getResultStream()
                    .map(a -> new AuditEntry(a.getActor(), a.getAt(), a.getAction(), a.getChanges()))
                    .toList();
        });
    }

    private SlotRecord changeCredentials(Actor actor, String slotId, CredentialChanges changes) {
        SlotValidator.checkCredentials(changes.added());
        List<String> hashes = hashAll(changes.added());
        return database.inTransaction(em -> {
            long version = ConfigVersions.next(em);
            Slot slot = SlotLookup.find(em, actor, slotId);
            Instant now = clock.instant();
            applyCredentials(em, slot, actor, changes, hashes, now);
            slot.touch(version, now);
            return record(em, slot, actor);
        });
    }

    private Slot insert(EntityManager em, long version, Account account, String name, SlotType type, SlotSettings settings,
            List<NewCredential> credentials, List<String> hashes) {
        if (SlotLookup.isNameTaken(em, account, name)) {
            throw new SlotNameTakenException(name);
        }
        Entitlements.checkNewSlot(em, account, type, settings.totalKbps());
        Instant now = clock.instant();
        Slot slot = new Slot(Secrets.randomHex(16), account, name, type, now);
        slot.configure(settings);
        for (int i = 0; i < credentials.size(); i++) {
            slot.addCredential(credentials.get(i).username(), hashes.get(i), now);
        }
        slot.touch(version, now);
        em.persist(slot);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Two admins racing for one name: the unique key decides, and the loser hears why.
            if (String.valueOf(e.getCause()).toLowerCase(Locale.ROOT).contains("uk_slot_account_name")) {
                throw new SlotNameTakenException(name);
            }
            throw e;
        }
        return slot;
    }

    private List<String> hashAll(List<NewCredential> credentials) {
        return credentials.stream().map(credential -> hasher.hash(credential.password().toCharArray())).toList();
    }

    private SlotRecord record(EntityManager em, Slot slot, Actor actor) {
        return SlotRecords.full(slot, SlotRecords.shownTo(actor, SlotRecords.statuses(em, List.of(slot),
                clock.instant(), database.outages(), timeouts).get(slot.getId())));
    }
}
