package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.model.Account;
import jakarta.persistence.EntityManager;

/**
 * Finds the account an actor names, enforcing tenant isolation: an account admin naming another account is told that
 * the account does not exist, exactly as if it did not.
 */
final class Accounts {

    private Accounts() {
    }

    static Account find(EntityManager em, Actor actor, String shortname) {
        if (shortname == null || !actor.mayManage(shortname)) {
            throw new NotFoundException("There is no account '" + shortname + "'");
        }
        return em.createQuery("select a from Account a where a.shortname = :shortname", Account.class)
                .setParameter("shortname", shortname)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no account '" + shortname + "'"));
    }

    static void requireOperator(Actor actor, String what) {
        if (!actor.isOperator()) {
            throw new AccessDeniedException("Only operators may " + what);
        }
    }
}
