package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

    @Test
    void starAllowsEveryOriginWithoutCredentials() {
        CorsPolicy cors = CorsPolicy.parse("*");

        assertThat(cors.allowOrigin("https://player.example.com")).isEqualTo("*");
        assertThat(cors.allowOrigin(null)).isEqualTo("*");
        assertThat(cors.allowsCredentials()).isFalse();
        assertThat(cors.variesByOrigin()).isFalse();
    }

    @Test
    void aListedOriginIsEchoedWithCredentialsAndVary() {
        CorsPolicy cors = CorsPolicy.parse("https://player.example.com, http://localhost:8000");

        assertThat(cors.allowOrigin("https://player.example.com")).isEqualTo("https://player.example.com");
        assertThat(cors.allowOrigin("HTTP://LOCALHOST:8000")).isEqualTo("HTTP://LOCALHOST:8000");
        assertThat(cors.allowsCredentials()).isTrue();
        assertThat(cors.variesByOrigin()).isTrue();
    }

    @Test
    void anUnlistedOriginGetsNoAllowOrigin() {
        CorsPolicy cors = CorsPolicy.parse("https://player.example.com");

        assertThat(cors.allowOrigin("https://evil.example.com")).isNull();
        assertThat(cors.allowOrigin("https://player.example.com.evil.net")).isNull();
        assertThat(cors.allowOrigin(null)).isNull();
    }

    @Test
    void noneSendsNoCorsHeaders() {
        CorsPolicy cors = CorsPolicy.parse("none");

        assertThat(cors.allowOrigin("https://player.example.com")).isNull();
        assertThat(cors.variesByOrigin()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"player.example.com", "https://player.example.com/", "https://a.example.com/path",
            "ftp://example.com", "https://", "https://user@example.com", "https://example.com?x=1"})
    void entriesThatAreNotOriginsAreRejected(String entry) {
        assertThatThrownBy(() -> CorsPolicy.parse(entry)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry);
    }

    @Test
    void aPlainListOfRequestedHeadersIsAllowed() {
        assertThat(CorsPolicy.allowHeaders("Range, If-None-Match")).isEqualTo("Range, If-None-Match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Range\r\nX-Evil: 1", "Range; x"})
    void requestedHeadersThatAreNotAPlainListAreNotEchoed(String requested) {
        assertThat(CorsPolicy.allowHeaders(requested)).isNull();
    }
}
