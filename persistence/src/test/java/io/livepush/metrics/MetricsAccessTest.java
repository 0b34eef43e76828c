package io.livepush.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.metrics.MetricsAccess.Decision;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {

    private static final String TOKEN = "scrape-token-0123456789";

    static Stream<Arguments> decisions() {
        return Stream.of(
                // default: loopback only, no token
                Arguments.of(Map.of(), "127.0.0.1", null, Decision.ALLOWED),
                Arguments.of(Map.of(), "::1", null, Decision.ALLOWED),
                Arguments.of(Map.of(), "::ffff:127.0.0.1", null, Decision.ALLOWED),
                Arguments.of(Map.of(), "192.0.2.10", null, Decision.FORBIDDEN),
                Arguments.of(Map.of(), "192.0.2.10", "Bearer " + TOKEN, Decision.FORBIDDEN),
                Arguments.of(Map.of(), "not-an-address", null, Decision.FORBIDDEN),
                // a network allowed
                Arguments.of(Map.of("metrics.allow", "10.0.0.0/8, 2001:db8::/32"), "10.1.2.3", null, Decision.ALLOWED),
                Arguments.of(Map.of("metrics.allow", "10.0.0.0/8 2001:db8::/32"), "2001:db8::5", null,
                        Decision.ALLOWED),
                Arguments.of(Map.of("metrics.allow", "10.0.0.0/8"), "127.0.0.1", null, Decision.FORBIDDEN),
                // loopback or token
                Arguments.of(Map.of("metrics.token", TOKEN), "192.0.2.10", "Bearer " + TOKEN, Decision.ALLOWED),
                Arguments.of(Map.of("metrics.token", TOKEN), "192.0.2.10", "bearer  " + TOKEN, Decision.ALLOWED),
                Arguments.of(Map.of("metrics.token", TOKEN), "192.0.2.10", "Bearer " + TOKEN + "x",
                        Decision.UNAUTHORIZED),
                Arguments.of(Map.of("metrics.token", TOKEN), "192.0.2.10", "Basic " + TOKEN, Decision.UNAUTHORIZED),
                Arguments.of(Map.of("metrics.token", TOKEN), "192.0.2.10", null, Decision.UNAUTHORIZED),
                Arguments.of(Map.of("metrics.token", TOKEN), "127.0.0.1", null, Decision.ALLOWED),
                // token only
                Arguments.of(Map.of("metrics.allow", "none", "metrics.token", TOKEN), "127.0.0.1", null,
                        Decision.UNAUTHORIZED),
                Arguments.of(Map.of("metrics.allow", "none", "metrics.token", TOKEN), "127.0.0.1",
                        "Bearer " + TOKEN, Decision.ALLOWED),
                Arguments.of(Map.of("metrics.allow", "none"), "127.0.0.1", "Bearer " + TOKEN, Decision.FORBIDDEN));
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void accessFollowsTheAllowListAndTheToken(Map<String, String> parameters, String address, String authorization,
            Decision expected) {
        assertThat(MetricsAccess.from(parameters::get).check(address, authorization)).isEqualTo(expected);
    }

    @Test
    void everyBadSettingIsNamedButTheTokenIsNeverQuoted() {
        Map<String, String> parameters = Map.of("metrics.allow", "10.0.0.0/33, example.org", "metrics.token",
                "short-secret");

        assertThatThrownBy(() -> MetricsAccess.from(parameters::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("10.0.0.0/33").hasMessageContaining("example.org")
                .hasMessageContaining("metrics.token must have at least 16 characters")
                .message().doesNotContain("short-secret");
    }

    @Test
    void anUnresolvedPlaceholderIsNeverTheToken() {
        assertThatThrownBy(() -> MetricsAccess.from(Map.of("metrics.token", "${LIVEPUSH_METRICS_TOKEN}")::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unresolved placeholder");
    }

    @Test
    void anEmptyTokenMeansNone() {
        assertThat(MetricsAccess.from(Map.of("metrics.token", "")::get).hasToken()).isFalse();
    }

    @Test
    void toStringHidesTheToken() {
        assertThat(MetricsAccess.from(Map.of("metrics.token", TOKEN)::get).toString()).doesNotContain(TOKEN)
                .contains("(hidden)");
    }
}
