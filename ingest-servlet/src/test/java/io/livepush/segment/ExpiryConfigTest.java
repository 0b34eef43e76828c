package io.livepush.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiryConfigTest {

    @Test
    void theSweepRunsEverySecondByDefault() {
        assertThat(ExpiryConfig.from(Map.<String, String>of()::get).sweepSeconds()).isEqualTo(1);
    }

    @Test
    void theSweepPeriodIsConfigurable() {
        assertThat(ExpiryConfig.from(Map.of(ExpiryConfig.SWEEP_SECONDS, " 5 ")::get).sweepSeconds()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "61", "-1", "1.5", "soon"})
    void aBadSweepPeriodStopsDeploymentNamingTheValue(String value) {
        assertThatThrownBy(() -> ExpiryConfig.from(Map.of(ExpiryConfig.SWEEP_SECONDS, value)::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ExpiryConfig.SWEEP_SECONDS)
                .hasMessageContaining("'" + value + "'");
    }
}
