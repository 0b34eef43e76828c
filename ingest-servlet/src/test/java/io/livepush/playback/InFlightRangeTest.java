package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which {@code Range} headers an object in flight answers with 206, and which it ignores (200, everything). */
class InFlightRangeTest {

    @ParameterizedTest
    @CsvSource({"'bytes=0-0', 0, 1, 'bytes 0-0/*'", "'bytes=100-1099', 100, 1100, 'bytes 100-1099/*'",
            "'BYTES= 5 - 9 ', 5, 10, 'bytes 5-9/*'"})
    void oneClosedRangeIsServedAsIt(String header, long first, long end, String contentRange) {
        InFlightRange range = InFlightRange.of(header, null);

        assertThat(range.partial()).isTrue();
        assertThat(range).isEqualTo(new InFlightRange(first, end));
        assertThat(range.length()).isEqualTo(end - first);
        assertThat(range.contentRange()).isEqualTo(contentRange);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"bytes=100-", "bytes=-500", "bytes=0-1,5-9", "bytes=9-5", "items=0-9", "bytes=a-9",
            "bytes=0-x", "bytes=-", "bytes=", "bytes=0-9223372036854775807", "bytes=99999999999999999999-1",
            "0-9"})
    void everyOtherRangeIsIgnored(String header) {
        assertThat(InFlightRange.of(header, null)).isEqualTo(InFlightRange.WHOLE);
        assertThat(InFlightRange.WHOLE.partial()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"etag\"", "Sat, 05 Dec 2026 08:00:00 GMT"})
    void aRangeWithIfRangeIsIgnoredForAnObjectWithoutValidators(String ifRange) {
        assertThat(InFlightRange.of("bytes=0-9", ifRange)).isEqualTo(InFlightRange.WHOLE);
    }
}
