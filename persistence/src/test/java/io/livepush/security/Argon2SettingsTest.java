package io.livepush.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Argon2SettingsTest {

    @Test
    void owaspIsNineteenMebibytesTwoPassesOneLane() {
        assertThat(Argon2Settings.OWASP).isEqualTo(new Argon2Settings(19456, 2, 1));
    }

    static Stream<Arguments> validSettings() {
        return Stream.of(
                Arguments.of(8, 1, 1),
                Arguments.of(128, 1, 16),
                Arguments.of(Argon2Settings.MAX_MEMORY_KIB, Argon2Settings.MAX_ITERATIONS, 16));
    }

    @ParameterizedTest
    @MethodSource("validSettings")
    void boundsAreAccepted(int memoryKib, int iterations, int parallelism) {
        assertThat(Argon2Settings.isValid(memoryKib, iterations, parallelism)).isTrue();
        assertThat(new Argon2Settings(memoryKib, iterations, parallelism).memoryKib()).isEqualTo(memoryKib);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of(7, 1, 1),
                Arguments.of(15, 1, 2),
                Arguments.of(Argon2Settings.MAX_MEMORY_KIB + 1, 1, 1),
                Arguments.of(Integer.MAX_VALUE, 1, 1),
                Arguments.of(-1, 1, 1),
                Arguments.of(1024, 0, 1),
                Arguments.of(1024, Argon2Settings.MAX_ITERATIONS + 1, 1),
                Arguments.of(1024, 1, 0),
                Arguments.of(1024, 1, Argon2Settings.MAX_PARALLELISM + 1),
                Arguments.of(1024, 1, -1));
    }

    @ParameterizedTest
    @MethodSource("invalidSettings")
    void outOfBoundsIsRejected(int memoryKib, int iterations, int parallelism) {
        assertThat(Argon2Settings.isValid(memoryKib, iterations, parallelism)).isFalse();
        assertThatThrownBy(() -> new Argon2Settings(memoryKib, iterations, parallelism))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
