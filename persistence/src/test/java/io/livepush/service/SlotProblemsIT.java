package io.livepush.service;

import static io.livepush.service.ServiceFixture.ACME_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every problem of a slot draft comes back in one refusal, whichever check finds it. */
class SlotProblemsIT extends ServiceIT {

    private static SlotDraft badNameLowKbpsBadCidr() {
        SlotDraft d = fx.draft("bad name!");
        return new SlotDraft(d.name(), "a\u0000b", d.type(), d.region(), d.primaryPopId(), null, false, 5,
                d.segmentDurationMs(), d.fileExpirySeconds(), false, List.of(new NewCredential("encoder1", "short")),
                List.of("10.0.0.1/33"), d.viewerRules(), d.viewerDefault(), d.mediaVault());
    }

    @Test
    void createReportsTheNameTheCredentialsAndTheSettingsTogether() {
        assertThatThrownBy(() -> fx.slots.create(ACME_ADMIN, "acme", badNameLowKbpsBadCidr()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKeys(
                        "name", "credentials[0].password", "description", "totalKbps", "publishCidrs[0]"));
        assertThat(fx.slotList.isNameAvailable(ACME_ADMIN, "acme", "bad-name")).isTrue();
    }

    @Test
    void problemsListsTheSameWithoutCreatingAnything() {
        assertThat(fx.slots.problems(ACME_ADMIN, "acme", badNameLowKbpsBadCidr())).containsKeys("name",
                "credentials[0].password", "description", "totalKbps", "publishCidrs[0]");
        assertThat(fx.slots.problems(ACME_ADMIN, "acme", fx.draft("fine-cam"))).isEmpty();
        assertThat(fx.slotList.isNameAvailable(ACME_ADMIN, "acme", "fine-cam")).isTrue();
    }
}
