package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UtcTimesTest {

    static Stream<Arguments> instants() {
        return Stream.of(
                Arguments.of("2026-12-05T12:00:00.123Z", "2026-12-05T12:00:00.123Z"),
                Arguments.of("2026-12-05T12:00:00Z", "2026-12-05T12:00:00.000Z"),
                Arguments.of("2026-12-05T12:00:00.1Z", "2026-12-05T12:00:00.100Z"),
                Arguments.of("2026-12-05T23:59:59.999999999Z", "2026-12-05T23:59:59.999Z"),
                Arguments.of("2026-12-05T12:00:00.000500Z", "2026-12-05T12:00:00.000Z"),
                Arguments.of("1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z"),
                Arguments.of("2028-02-29T05:06:07.089Z", "2028-02-29T05:06:07.089Z"));
    }

    @ParameterizedTest
    @MethodSource("instants")
    void timeIsUtcWithExactlyThreeDecimalsCutNotRounded(String instant, String expected) {
        assertThat(UtcTimes.format(Instant.parse(instant))).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("instants")
    void formattedTimeParsesBackAsTheSameMillisecond(String instant, String expected) {
        assertThat(Instant.parse(UtcTimes.format(Instant.parse(instant))).toEpochMilli())
                .isEqualTo(Instant.parse(instant).toEpochMilli());
    }
}
