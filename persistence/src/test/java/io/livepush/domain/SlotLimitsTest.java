package io.livepush.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlotLimitsTest {

    private static final IntFunction<Optional<String>> KBPS = SlotLimits::kbpsProblem;
    private static final IntFunction<Optional<String>> SEGMENT = SlotLimits::segmentDurationProblem;
    private static final IntFunction<Optional<String>> EXPIRY = SlotLimits::fileExpiryProblem;

    static Stream<Arguments> valuesInsideTheRange() {
        return Stream.of(
                Arguments.of("kbps min", KBPS, 100),
                Arguments.of("kbps min+1", KBPS, 101),
                Arguments.of("kbps typical", KBPS, 6_000),
                Arguments.of("kbps max-1", KBPS, 99_999),
                Arguments.of("kbps max", KBPS, 100_000),
                Arguments.of("segment min", SEGMENT, 500),
                Arguments.of("segment min+1", SEGMENT, 501),
                Arguments.of("segment default", SEGMENT, SlotLimits.DEFAULT_SEGMENT_MS),
                Arguments.of("segment max-1", SEGMENT, 59_999),
                Arguments.of("segment max", SEGMENT, 60_000),
                Arguments.of("expiry min", EXPIRY, 10),
                Arguments.of("expiry min+1", EXPIRY, 11),
                Arguments.of("expiry default", EXPIRY, SlotLimits.DEFAULT_EXPIRY_SECONDS),
                Arguments.of("expiry max-1", EXPIRY, 604_799),
                Arguments.of("expiry max", EXPIRY, 604_800));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("valuesInsideTheRange")
    void valueFromMinToMaxInclusiveIsAccepted(String label, IntFunction<Optional<String>> check, int value) {
        assertThat(check.apply(value)).isEmpty();
    }

    static Stream<Arguments> valuesOutsideTheRange() {
        String kbps = "The total ingest bitrate must be between 100 and 100000 kbps";
        String segment = "The segment duration must be between 500 and 60000 ms";
        String expiry = "The file expiry time must be between 10 and 604800 seconds";
        return Stream.of(
                Arguments.of("kbps min-1", KBPS, 99, kbps),
                Arguments.of("kbps max+1", KBPS, 100_001, kbps),
                Arguments.of("kbps zero", KBPS, 0, kbps),
                Arguments.of("kbps negative", KBPS, -1, kbps),
                Arguments.of("kbps int min", KBPS, Integer.MIN_VALUE, kbps),
                Arguments.of("kbps int max", KBPS, Integer.MAX_VALUE, kbps),
                Arguments.of("segment min-1", SEGMENT, 499, segment),
                Arguments.of("segment max+1", SEGMENT, 60_001, segment),
                Arguments.of("segment zero", SEGMENT, 0, segment),
                Arguments.of("segment seconds typed as ms", SEGMENT, 6, segment),
                Arguments.of("segment negative", SEGMENT, -6_000, segment),
                Arguments.of("segment int max", SEGMENT, Integer.MAX_VALUE, segment),
                Arguments.of("expiry min-1", EXPIRY, 9, expiry),
                Arguments.of("expiry max+1", EXPIRY, 604_801, expiry),
                Arguments.of("expiry zero", EXPIRY, 0, expiry),
                Arguments.of("expiry negative", EXPIRY, -300, expiry),
                Arguments.of("expiry int min", EXPIRY, Integer.MIN_VALUE, expiry),
                Arguments.of("expiry int max", EXPIRY, Integer.MAX_VALUE, expiry));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("valuesOutsideTheRange")
    void valueOutsideTheRangeIsRejectedNamingRangeAndValue(String label, IntFunction<Optional<String>> check,
            int value, String range) {
        assertThat(check.apply(value)).contains(range + " (was " + value + ")");
    }

    @Test
    void limitsAreThoseOfTheSpec() {
        assertThat(SlotLimits.MIN_KBPS).isEqualTo(100);
        assertThat(SlotLimits.MAX_KBPS).isEqualTo(100_000);
        assertThat(SlotLimits.MIN_SEGMENT_MS).isEqualTo(500);
        assertThat(SlotLimits.MAX_SEGMENT_MS).isEqualTo(60_000);
        assertThat(SlotLimits.DEFAULT_SEGMENT_MS).isEqualTo(6_000);
        assertThat(SlotLimits.MIN_EXPIRY_SECONDS).isEqualTo(10);
        assertThat(SlotLimits.MAX_EXPIRY_SECONDS).isEqualTo(7 * 24 * 3600);
        assertThat(SlotLimits.DEFAULT_EXPIRY_SECONDS).isEqualTo(300);
        assertThat(SlotLimits.MAX_DESCRIPTION_LENGTH).isEqualTo(255);
    }

    @Test
    void defaultsLieInsideTheirRanges() {
        assertThat(SlotLimits.segmentDurationProblem(SlotLimits.DEFAULT_SEGMENT_MS)).isEmpty();
        assertThat(SlotLimits.fileExpiryProblem(SlotLimits.DEFAULT_EXPIRY_SECONDS)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingDescriptionIsAllowed(String description) {
        assertThat(SlotLimits.descriptionProblem(description)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 254, 255})
    void descriptionOfAtMost255CharactersIsAccepted(int length) {
        assertThat(SlotLimits.descriptionProblem("d".repeat(length))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 1_000})
    void descriptionLongerThan255CharactersIsRejected(int length) {
        assertThat(SlotLimits.descriptionProblem("d".repeat(length)))
                .contains("The description must be at most 255 characters long");
    }
}
