package io.livepush.setup;

import io.livepush.domain.Actor;
import io.livepush.security.PasswordHasher;
import io.livepush.service.AdminUserService;
import io.livepush.service.PopDraft;
import io.livepush.service.PopRecord;
import io.livepush.service.PopService;
import io.livepush.store.Database;
import java.time.Clock;
import java.util.Optional;

/**
 * First-time setup of a Live Push database: the schema (Flyway), the first operator and the PoP this installation's
 * ingest node serves. Safe to run again: each step does nothing when its result exists.
 */
public final class Installer {

    private final Database database;
    private final Clock clock;

    public Installer(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Creates the first operator unless a user exists; returns whether it did. */
    public boolean createFirstOperator(String username, String password) {
        return new AdminUserService(database, PasswordHasher.standard(), clock).createFirstOperator(username,
                password);
    }

    /**
     * Returns the PoP named like {@code draft}, creating it when it is missing (an existing PoP is left as the
     * operator made it).
     */
    public PopRecord ensurePop(PopDraft draft) {
        PopService pops = new PopService(database, clock);
        Optional<PopRecord> existing = pops.list().stream().filter(pop -> pop.name().equals(draft.name()))
                .findFirst();
        return existing.orElseGet(() -> pops.create(Actor.operator("livepush-init"), draft));
    }
}
