package io.livepush.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.service.ProvisioningTimeouts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminConfigTest {

    @Test
    void withoutParametersTheProductionDefaultsApply() {
        AdminConfig config = AdminConfig.from(Map.<String, String>of()::get);

        assertThat(config.migrate()).isTrue();
        assertThat(config.allowBasicOverHttp()).isFalse();
        assertThat(config.provisioning()).isEqualTo(ProvisioningTimeouts.STANDARD);
        assertThat(config.provisioning().provisioning()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.provisioning().nodeSilence()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void provisioningLimitsAreReadInSeconds() {
        AdminConfig config = AdminConfig.from(Map.of(AdminConfig.PROVISIONING_TIMEOUT_SECONDS, "20",
                AdminConfig.NODE_SILENCE_SECONDS, " 6 ")::get);

        assertThat(config.provisioning()).isEqualTo(new ProvisioningTimeouts(Duration.ofSeconds(20),
                Duration.ofSeconds(6)));
    }

    @Test
    void aLimitThatIsNotAPositiveNumberOfSecondsStopsTheStart() {
        assertThatThrownBy(() -> AdminConfig.from(Map.of(AdminConfig.NODE_SILENCE_SECONDS, "0")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("provisioning.nodeSilenceSeconds").hasMessageContaining("'0'");
        assertThatThrownBy(() -> AdminConfig.from(Map.of(AdminConfig.PROVISIONING_TIMEOUT_SECONDS, "5m")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("provisioning.timeoutSeconds");
    }
}
