package io.livepush.service;

import io.livepush.model.ConfigState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Hands out configuration versions. The row lock is held until the calling transaction commits, so versions become
 * visible in the order they were handed out: a node that has seen version N has seen every change up to N.
 */
final class ConfigVersions {

    private ConfigVersions() {
    }

    static long next(EntityManager em) {
        return em.find(ConfigState.class, ConfigState.ROW_ID, LockModeType.PESSIMISTIC_WRITE).advance();
    }

    static long current(EntityManager em) {
        return em.find(ConfigState.class, ConfigState.ROW_ID).getVersion();
    }
}
