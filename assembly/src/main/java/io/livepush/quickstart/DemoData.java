package io.livepush.quickstart;

import io.livepush.domain.Actor;
import io.livepush.domain.AdminRole;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.security.PasswordHasher;
import io.livepush.security.Secrets;
import io.livepush.service.AccountDraft;
import io.livepush.service.AccountService;
import io.livepush.service.AdminUserService;
import io.livepush.service.NewCredential;
import io.livepush.service.PopDraft;
import io.livepush.service.PopRecord;
import io.livepush.service.PopService;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import io.livepush.service.SlotService;
import io.livepush.setup.Installer;
import io.livepush.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The quick start's demo: a PoP for this machine, an operator, the account {@value #SHORTNAME} with its admin, and a
 * Live Push slot {@value #SLOT} with one encoder credential. Made on the first start; later starts only move the PoP to
 * the current ports. Passwords are random and kept in the data folder.
 */
final class DemoData {

    static final String POP = "local";
    static final String SHORTNAME = "demo";
    static final String SLOT = "demo";
    static final String OPERATOR = "operator";
    static final String ADMIN = "demo-admin";
    static final String ENCODER = "encoder";

    private final Database database;
    private final String host;
    private final Clock clock = Clock.systemUTC();

    /** {@code host} is what URLs name this machine by: an IP literal, in brackets for IPv6. */
    DemoData(Database database, String host) {
        this.database = database;
        this.host = host;
    }

    /** Ensures the demo exists and fills {@code facts} with its names, URLs and passwords. */
    void ensure(QuickStartFacts facts, int httpPort, int httpsPort) {
        PopRecord pop = ensurePop(httpPort, httpsPort);
        Actor operator = Actor.operator(OPERATOR);
        PasswordHasher hasher = PasswordHasher.standard();
        Installer installer = new Installer(database, clock);
        if (facts.get("operatorPassword") == null) {
            String password = Secrets.randomToken(12);
            installer.createFirstOperator(OPERATOR, password);
            facts.put("operatorUser", OPERATOR).put("operatorPassword", password);
        }
        if (facts.get("adminPassword") == null) {
            new AccountService(database, clock).create(operator, new AccountDraft(SHORTNAME, "Demo account", 50_000,
                    Map.of(SlotType.LIVE_PUSH, 10, SlotType.TRANSCODE_720P, 2, SlotType.TRANSMUX, 2)));
            String password = Secrets.randomToken(12);
            new AdminUserService(database, hasher, clock).create(operator, ADMIN, password, AdminRole.ACCOUNT_ADMIN,
                    SHORTNAME);
            facts.put("adminUser", ADMIN).put("adminPassword", password);
        }
        if (facts.get("ingestPassword") == null) {
            String password = Secrets.randomToken(12);
            new SlotService(database, hasher, clock).create(operator, SHORTNAME, new SlotDraft(SLOT,
                    "Created by the quick start", SlotType.LIVE_PUSH, Region.EUROPE, pop.id(), null, false, 5000,
                    2000, 300, false, List.of(new NewCredential(ENCODER, password)), List.of(), List.of(), null, null));
            facts.put("ingestUser", ENCODER).put("ingestPassword", password);
        }
        SlotRecord slot = new SlotService(database, hasher, clock).find(operator, SHORTNAME, SLOT);
        facts.put("shortname", SHORTNAME).put("slot", SLOT)
                .put("ingestUrl", slot.primaryIngestUrl())
                .put("playbackUrl", slot.playbackUrl(false))
                .put("portalUrl", "http://" + host + ":" + httpPort + "/admin/")
                // The API refuses Basic authentication over plain HTTP, so scripts get its HTTPS address.
                .put("apiUrl", "https://" + host + ":" + httpsPort + "/admin/api/v1");
    }

    /** The PoP of this machine: playback over HTTP on the HTTP port, over HTTPS on the HTTPS (publishing) port. */
    private PopRecord ensurePop(int httpPort, int httpsPort) {
        PopDraft draft = new PopDraft(POP, Region.EUROPE, "https://" + host + ":" + httpsPort + "/live",
                "http://" + host + ":" + httpPort + "/live", "https://" + host + ":" + httpsPort + "/live");
        PopRecord pop = new Installer(database, clock).ensurePop(draft);
        if (!pop.ingestBaseUrl().equals(draft.ingestBaseUrl())
                || !pop.playbackBaseUrl().equals(draft.playbackBaseUrl())
                || !draft.playbackHttpsBaseUrl().equals(pop.playbackHttpsBaseUrl())) {
            pop = new PopService(database, clock).update(Actor.operator(OPERATOR), pop.id(), draft);
        }
        return pop;
    }
}
