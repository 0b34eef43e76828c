package io.livepush.service;

import io.livepush.domain.SlotLifecycle;
import io.livepush.domain.SlotType;
import io.livepush.model.Account;
import jakarta.persistence.EntityManager;

/**
 * Enforces an account's entitlements (SPEC §2): the slot count per type and the Live Push kbps capacity. Only
 * {@code ACTIVE} slots count; a slot being deleted gives its share back at once.
 */
final class Entitlements {

    private Entitlements() {
    }

    static void checkNewSlot(EntityManager em, Account account, SlotType type, int kbps) {
        int entitled = account.entitlement(type);
        long used = usedSlots(em, account, type);
        if (used >= entitled) {
            throw new EntitlementExceededException("The account '" + account.getShortname() + "' has used "
                    + used + " of " + entitled + " " + type.displayName() + " slots; ask your operator for more");
        }
        checkKbps(em, account, kbps, null);
    }

    /**
     * Checks that {@code kbps} fits the account's Live Push capacity next to its other slots.
     *
     * @param ignoredSlotId the slot being edited, whose current kbps does not count; {@code null} for a new slot
     */
    static void checkKbps(EntityManager em, Account account, int kbps, String ignoredSlotId) {
        long others = em.createQuery("select coalesce(sum(s.totalKbps), 0) from Slot s where s.account = :account"
                        + " and s.type = :type and s.lifecycle = :active and s.id <> :ignored", Long.class)
                .setParameter("account", account)
                .setParameter("type", SlotType.LIVE_PUSH)
                .setParameter("active", SlotLifecycle.ACTIVE)
                .setParameter("ignored", ignoredSlotId == null ? "" : ignoredSlotId)
                .getSingleResult();
        if (others + kbps > account.getLivePushKbps()) {
            throw new EntitlementExceededException("The account '" + account.getShortname() + "' has "
                    + Math.max(0, account.getLivePushKbps() - others) + " of " + account.getLivePushKbps()
                    + " Live Push kbps available; " + kbps + " kbps do not fit");
        }
    }

    static long usedSlots(EntityManager em, Account account, SlotType type) {
        return em.createQuery("select count(s) from Slot s where s.account = :account and s.type = :type"
                        + " and s.lifecycle = :active", Long.class)
                .setParameter("account", account)
                .setParameter("type", type)
                .setParameter("active", SlotLifecycle.ACTIVE)
                .getSingleResult();
    }
}
