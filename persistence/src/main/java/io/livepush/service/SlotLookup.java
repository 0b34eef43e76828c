package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.domain.SlotLifecycle;
import io.livepush.model.Account;
import io.livepush.model.Slot;
import jakarta.persistence.EntityManager;
import java.util.Locale;

/**
 * Finds one slot for an actor. A slot of an account the actor may not manage, a deleted one and a missing one all give
 * the same {@link NoSuchSlotException}, so nobody learns which slots other accounts have.
 */
final class SlotLookup {

    private SlotLookup() {
    }

    static Slot find(EntityManager em, Actor actor, String slotId) {
        Slot slot = slotId == null ? null : em.find(Slot.class, slotId);
        if (slot == null || slot.getLifecycle() == SlotLifecycle.DELETED
                || !actor.mayManage(slot.getAccount().getShortname())) {
            throw new NoSuchSlotException(slotId);
        }
        return slot;
    }

    static Slot byName(EntityManager em, Actor actor, String shortname, String name) {
        Account account = Accounts.find(em, actor, shortname);
        return em.createQuery("select s from Slot s where s.account = :account and s.nameKey = :key", Slot.class)
                .setParameter("account", account)
                .setParameter("key", name == null ? "" : name.toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NoSuchSlotException(name));
    }

    static boolean isNameTaken(EntityManager em, Account account, String name) {
        return em.createQuery("select count(s) from Slot s where s.account = :account and s.nameKey = :key",
                        Long.class)
                .setParameter("account", account)
                .setParameter("key", name.toLowerCase(Locale.ROOT))
                .getSingleResult() > 0;
    }
}
