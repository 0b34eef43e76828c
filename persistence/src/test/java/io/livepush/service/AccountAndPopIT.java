package io.livepush.service;

import static io.livepush.service.ServiceFixture.ACME_ADMIN;
import static io.livepush.service.ServiceFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountAndPopIT extends ServiceIT {

    @Test
    void operatorsCreateAccountsWithValidShortnamesOnly() {
        AccountRecord created = fx.accounts.create(OPERATOR, new AccountDraft("initech", " Initech ", 8000,
                Map.of(SlotType.LIVE_PUSH, 4, SlotType.TRANSCODE_720P, 1)));

        assertThat(created.displayName()).isEqualTo("Initech");
        assertThat(created.entitlements()).containsEntry(SlotType.LIVE_PUSH, 4);
        assertThatThrownBy(() -> fx.accounts.create(OPERATOR, new AccountDraft("initech", "Again", 1, Map.of())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> fx.accounts.create(OPERATOR, new AccountDraft("Bad-Name", "", -1,
                Map.of(SlotType.LIVE_PUSH, -2))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("shortname", "displayName", "livePushKbps", "entitlements.live-push"));
        assertThatThrownBy(() -> fx.accounts.create(ACME_ADMIN, new AccountDraft("mine", "Mine", 1, Map.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAccountAdminSeesOnlyItsOwnAccount() {
        assertThat(fx.accounts.list(ACME_ADMIN)).extracting(AccountRecord::shortname).containsExactly("acme");
        assertThat(fx.accounts.list(OPERATOR)).extracting(AccountRecord::shortname).contains("acme", "globex");
        assertThatThrownBy(() -> fx.accounts.get(ACME_ADMIN, "globex")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.accounts.entitlements(ACME_ADMIN, "globex"))
                .isInstanceOf(NotFoundException.class);
        EntitlementSummary summary = fx.accounts.entitlements(ACME_ADMIN, "acme");
        assertThat(summary.usage(SlotType.TRANSMUX).available()).isEqualTo(2);
    }

    @Test
    void popsNeedHttpsIngestAndUniqueNames() {
        assertThatThrownBy(() -> fx.pops.create(OPERATOR, new PopDraft("ap1", Region.ASIA_PACIFIC,
                "http://ap1.example.com/live", "http://play-ap1.example.com/live")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("ingestBaseUrl"));
        assertThatThrownBy(() -> fx.pops.create(OPERATOR, new PopDraft("eu1", Region.EUROPE,
                "https://x.example.com/live", "http://x.example.com/live"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> fx.pops.create(ACME_ADMIN, new PopDraft("mine", Region.EUROPE,
                "https://x.example.com/live", "http://x.example.com/live")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fx.pops.list()).extracting(PopRecord::name).contains("eu1", "eu2", "na1");
        assertThat(fx.euBackupPop.ingestBaseUrl()).isEqualTo("https://eu2.example.com/live");
    }

    @Test
    void aPopInUseCannotBeDeletedOrMovedToAnotherRegion() {
        PopRecord pop = fx.pops.create(OPERATOR, new PopDraft("eu9", Region.EUROPE, "https://eu9.example.com/live",
                "http://play-eu9.example.com/live"));
        SlotDraft d = fx.draft("on-eu9");
        fx.slots.create(ACME_ADMIN, "acme", new SlotDraft(d.name(), null, d.type(), Region.EUROPE, pop.id(), null,
                false, 1000, 6000, 300, false, d.credentials(), d.publishCidrs(), d.viewerRules(), null, null));

        assertThatThrownBy(() -> fx.pops.delete(OPERATOR, pop.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> fx.pops.update(OPERATOR, pop.id(), new PopDraft("eu9", Region.NORTH_AMERICA,
                "https://eu9.example.com/live", "http://play-eu9.example.com/live")))
                .isInstanceOf(ConflictException.class);
        PopRecord renamed = fx.pops.update(OPERATOR, pop.id(), new PopDraft("eu9b", Region.EUROPE,
                "https://eu9b.example.com/live/", "https://play-eu9b.example.com/live"));
        assertThat(renamed.ingestBaseUrl()).isEqualTo("https://eu9b.example.com/live");
    }

    @Test
    void aPopsHttpsPlaybackBaseIsOptionalHttpsOnlyAndGivesItsSlotsTheirHttpsUrl() {
        assertThatThrownBy(() -> fx.pops.create(OPERATOR, new PopDraft("ap2", Region.ASIA_PACIFIC,
                "https://ap2.example.com/live", "http://ap2.example.com:8080/live",
                "http://ap2.example.com:8443/live")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("playbackHttpsBaseUrl"));
        PopRecord pop = fx.pops.create(OPERATOR, new PopDraft("ap2", Region.EUROPE, "https://ap2.example.com/live",
                "http://ap2.example.com:8080/live", "  "));
        SlotDraft d = fx.draft("on-ap2");
        SlotDraft onAp2 = new SlotDraft(d.name(), null, d.type(), Region.EUROPE, pop.id(), null, false, 1000, 6000,
                300, false, d.credentials(), d.publishCidrs(), d.viewerRules(), null, null);
        SlotRecord slot = fx.slots.create(ACME_ADMIN, "acme", onAp2);
        assertThat(pop.playbackHttpsBaseUrl()).isNull();
        assertThat(slot.playbackHttpsUrl()).isEmpty();
        assertThat(slot.playbackUrl(true)).isEqualTo("http://ap2.example.com:8080/live/play/acme/on-ap2/");

        PopRecord withHttps = fx.pops.update(OPERATOR, pop.id(), new PopDraft("ap2", Region.EUROPE,
                "https://ap2.example.com/live", "http://ap2.example.com:8080/live",
                "https://ap2.example.com:8443/live/"));

        assertThat(withHttps.playbackHttpsBaseUrl()).isEqualTo("https://ap2.example.com:8443/live");
        assertThat(fx.pops.list()).contains(withHttps);
        SlotRecord reread = fx.slots.get(ACME_ADMIN, slot.id());
        assertThat(reread.playbackHttpsUrl()).contains("https://ap2.example.com:8443/live/play/acme/on-ap2/");
        assertThat(reread.playbackHttpUrl()).contains("http://ap2.example.com:8080/live/play/acme/on-ap2/");
    }

    @Test
    void anUnusedPopCanBeDeleted() {
        PopRecord pop = fx.pops.create(OPERATOR, new PopDraft("spare", Region.ASIA_PACIFIC,
                "https://spare.example.com/live", "http://spare.example.com/live"));

        fx.pops.delete(OPERATOR, pop.id());

        assertThat(fx.pops.list()).extracting(PopRecord::name).doesNotContain("spare");
    }
}
