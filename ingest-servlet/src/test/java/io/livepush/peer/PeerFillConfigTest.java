package io.livepush.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerFillConfigTest {

    @Test
    void withoutASecretPeerFillIsOffWithDefaults() {
        PeerFillConfig config = PeerFillConfig.from(Map.<String, String>of()::get);

        assertThat(config.enabled()).isFalse();
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.maxFetches()).isEqualTo(8);
    }

    @Test
    void aSecretTurnsItOn() {
        PeerFillConfig config = PeerFillConfig.from(Map.of(PeerFillConfig.SECRET, " cluster-secret-0123 ",
                PeerFillConfig.TIMEOUT_MILLIS, "500", PeerFillConfig.MAX_FETCHES, "3")::get);

        assertThat(config.enabled()).isTrue();
        assertThat(config.secret()).isEqualTo("cluster-secret-0123");
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.maxFetches()).isEqualTo(3);
        assertThat(config.toString()).doesNotContain("cluster-secret");
    }

    @Test
    void anUnresolvedPlaceholderIsNeverASecret() {
        assertThatThrownBy(() -> PeerFillConfig.from(Map.of(PeerFillConfig.SECRET, "${live.peer.secret}")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("peerFill.secret names a property that is not defined");
    }

    @Test
    void badValuesAreAllNamedButNotTheSecret() {
        assertThatThrownBy(() -> PeerFillConfig.from(Map.of(PeerFillConfig.SECRET, "short-secret",
                PeerFillConfig.TIMEOUT_MILLIS, "50", PeerFillConfig.MAX_FETCHES, "many")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("peerFill.secret must have at least 16 characters")
                .hasMessageContaining("peerFill.timeoutMillis must be a whole number from 100 to 30000 (was '50')")
                .hasMessageContaining("peerFill.maxFetches must be a whole number from 1 to 256 (was 'many')")
                .hasMessageNotContaining("short-secret");
    }
}
