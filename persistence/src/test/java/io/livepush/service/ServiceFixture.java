package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.net.AddressRule;
import io.livepush.security.Argon2Settings;
import io.livepush.security.PasswordHasher;
import io.livepush.store.Database;
import io.livepush.testing.MutableClock;
import io.livepush.testing.SwitchableDataSource;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A fresh schema with every service wired to it, two accounts ({@code acme}, {@code globex}) and PoPs in two regions.
 * Passwords are hashed with cheap Argon2 settings so the suite stays fast; production uses the OWASP ones.
 */
final class ServiceFixture implements AutoCloseable {

    static final Actor OPERATOR = Actor.operator("ops");
    static final Actor ACME_ADMIN = Actor.accountAdmin("alice", "acme");
    static final Actor GLOBEX_ADMIN = Actor.accountAdmin("bob", "globex");
    static final String PASSWORD = "correct-horse-battery";

    final TestSchema schema = TestDatabases.freshSchema();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z").truncatedTo(ChronoUnit.MICROS));
    /** The schema's pool behind a switch, so a test can take the database away. */
    final SwitchableDataSource dataSource = new SwitchableDataSource(schema.dataSource());
    final Database database = Database.open(dataSource, true, clock);
    final PasswordHasher hasher = new PasswordHasher(new Argon2Settings(1024, 1, 1));
    final AccountService accounts = new AccountService(database, clock);
    final PopService pops = new PopService(database, clock);
    final SlotService slots = new SlotService(database, hasher, clock);
    final SlotListService slotList = new SlotListService(database, clock);
    final NodeService nodes = new NodeService(database, clock);
    final AdminUserService users = new AdminUserService(database, hasher, clock);
    final PopRecord euPop;
    final PopRecord euBackupPop;
    final PopRecord naPop;

    ServiceFixture() {
        accounts.create(OPERATOR, new AccountDraft("acme", "Acme Corp", 500_000,
                Map.of(SlotType.LIVE_PUSH, 100, SlotType.TRANSMUX, 2)));
        accounts.create(OPERATOR, new AccountDraft("globex", "Globex", 10_000, Map.of(SlotType.LIVE_PUSH, 3)));
        euPop = pops.create(OPERATOR, new PopDraft("eu1", Region.EUROPE, "https://eu1.example.com/live",
                "http://play-eu1.example.com/live"));
        euBackupPop = pops.create(OPERATOR, new PopDraft("eu2", Region.EUROPE, "https://eu2.example.com/live/",
                "https://play-eu2.example.com/live"));
        naPop = pops.create(OPERATOR, new PopDraft("na1", Region.NORTH_AMERICA, "https://na1.example.com/live",
                "http://play-na1.example.com/live"));
    }

    /** A valid Live Push draft in Europe with one credential. */
    SlotDraft draft(String name) {
        return new SlotDraft(name, "Main camera", SlotType.LIVE_PUSH, Region.EUROPE, euPop.id(), null, false, 3000,
                6000, 300, false, List.of(new NewCredential("encoder1", PASSWORD)), List.of("192.0.2.0/24"),
                List.of(new ViewerRule(AddressRule.Action.DENY, "198.51.100.7")), AddressRule.Action.ALLOW,
                new MediaVaultInput(MediaVaultMode.URL, "primarySecret1", null, 403, false, "token=", "~", false,
                        0));
    }

    SlotRecord create(Actor actor, String shortname, String name) {
        return slots.create(actor, shortname, draft(name));
    }

    @Override
    public void close() {
        database.close();
        schema.close();
    }
}
