package io.livepush.llhls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryDirectivesTest {

    @Test
    void directivesAfterAMediaVaultTokenAreRead() {
        assertThat(DeliveryDirectives.parse("e=1700&p=30&h=abcdef&_HLS_msn=42&_HLS_part=3&_HLS_skip=YES"))
                .isEqualTo(new DeliveryDirectives(42, 3, true));
        assertThat(DeliveryDirectives.parse("_HLS_skip=v2")).isEqualTo(new DeliveryDirectives(-1, -1, true));
        assertThat(DeliveryDirectives.parse("_HLS_msn=7").blocking()).isTrue();
    }

    @Test
    void noDirectiveIsNone() {
        assertThat(DeliveryDirectives.parse(null)).isEqualTo(DeliveryDirectives.NONE);
        assertThat(DeliveryDirectives.parse("e=1&h=ab")).isEqualTo(DeliveryDirectives.NONE);
        assertThat(DeliveryDirectives.parse("x_HLS_msn=3").any()).isFalse();
    }

    @Test
    void aPartWithoutAnMsnIsRefused() {
        assertThatThrownBy(() -> DeliveryDirectives.parse("_HLS_part=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("_HLS_msn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_HLS_msn=", "_HLS_msn=-1", "_HLS_msn=1e3", "_HLS_msn=+4", "_HLS_msn=9999999999999999999",
            "_HLS_msn=1&_HLS_msn=2", "_HLS_msn=1&_HLS_part=x", "_HLS_skip=yes", "_HLS_skip=YES&_HLS_skip=YES",
            "_HLS_msn"})
    void malformedDirectivesAreRefused(String query) {
        assertThatThrownBy(() -> DeliveryDirectives.parse(query)).isInstanceOf(IllegalArgumentException.class);
    }
}
