package io.livepush.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.admin.api.json.CredentialInput;
import io.livepush.admin.api.json.MediaVaultInputJson;
import io.livepush.admin.api.json.SlotInput;
import io.livepush.admin.api.json.ViewerRuleJson;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.net.AddressRule;
import io.livepush.service.InvalidInputException;
import io.livepush.service.SlotDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API input becomes service drafts; unknown enum values become 422 field errors. */
class JsonMappingTest {

    private static SlotInput input(String region, String action, String mode) {
        return input(region, action, mode, null);
    }

    private static SlotInput input(String region, String action, String mode, Boolean lowLatency) {
        return new SlotInput("cam1", null, "live-push", region, 1L, null, null, 3000, null, null, lowLatency,
                List.of(new CredentialInput("enc", "correct-horse-battery")), List.of("192.0.2.0/24"),
                List.of(new ViewerRuleJson(action, "198.51.100.7")), "deny",
                mode == null ? null : new MediaVaultInputJson(mode, "secret123", null, null, null, null, null, null,
                        null));
    }

    @Test
    void apiSpellingsBecomeDomainValuesAndMissingNumbersTakeDefaults() {
        SlotDraft draft = JsonMapping.draft(input("north-america", "allow", "url-with-sub-manifests"), null);
        assertThat(draft.type()).isEqualTo(SlotType.LIVE_PUSH);
        assertThat(draft.region()).isEqualTo(Region.NORTH_AMERICA);
        assertThat(draft.viewerRules().get(0).action()).isEqualTo(AddressRule.Action.ALLOW);
        assertThat(draft.viewerDefault()).isEqualTo(AddressRule.Action.DENY);
        assertThat(draft.segmentDurationMs()).isEqualTo(6000);
        assertThat(draft.fileExpirySeconds()).isEqualTo(300);
        assertThat(draft.mediaVault().mode()).isEqualTo(MediaVaultMode.URL_WITH_SUB_MANIFESTS);
        assertThat(draft.mediaVault().denyStatus()).isEqualTo(400);
        assertThat(draft.lowLatency()).isFalse();
    }

    @Test
    void lowLatencyIsReadWhenGiven() {
        assertThat(JsonMapping.draft(input("europe", "allow", null, true), null).lowLatency()).isTrue();
        assertThat(JsonMapping.draft(input("europe", "allow", null, false), null).lowLatency()).isFalse();
    }

    @Test
    void unknownValuesAreFieldErrors() {
        assertThatThrownBy(() -> JsonMapping.draft(input("mars", "maybe", "sometimes"), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("region", "viewerRules[0].action", "mediaVault.mode"));
    }

    @Test
    void missingBodyIsAFieldError() {
        assertThatThrownBy(() -> JsonMapping.draft(null, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void credentialInputHidesThePassword() {
        assertThat(new CredentialInput("enc", "correct-horse-battery").toString()).doesNotContain("horse");
    }
}
