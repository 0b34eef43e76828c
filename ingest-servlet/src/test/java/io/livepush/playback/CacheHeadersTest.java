package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CacheHeadersTest {

    private final CacheHeaders headers = new CacheHeaders("max-age=1");

    @ParameterizedTest
    @ValueSource(strings = {"index.m3u8", "MASTER.M3U8", "stream.mpd", "video.init", "init.mp4", "init-stream0.m4s",
            "Init_720p"})
    void playlistsManifestsAndInitFilesGetTheManifestValue(String name) {
        assertThat(headers.cacheControl(name, 300, false)).isEqualTo("max-age=1");
    }

    @ParameterizedTest
    @CsvSource({"seg_00042.ts, 300, max-age=300", "chunk-stream0-00001.m4s, 10, max-age=10",
            "audio.aac, 604800, max-age=604800", "subs.vtt, 60, max-age=60"})
    void segmentsMayBeCachedForTheSlotsFileExpiry(String name, int expiry, String expected) {
        assertThat(headers.cacheControl(name, expiry, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"index.m3u8, 'private, max-age=1'", "seg_1.ts, 'private, max-age=300'"})
    void aResponseThatSetsTheCookieIsPrivate(String name, String expected) {
        assertThat(headers.cacheControl(name, 300, true)).isEqualTo(expected);
    }

    @Test
    void anObjectInFlightGetsTheManifestValueWhateverItsName() {
        assertThat(headers.inFlightCacheControl(false)).isEqualTo("max-age=1");
        assertThat(headers.inFlightCacheControl(true)).isEqualTo("private, max-age=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-cache", "max-age=1", "public, max-age=2, stale-while-revalidate=1"})
    void printableValuesAreValid(String value) {
        assertThat(CacheHeaders.isValidCacheControl(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "max-age=1\r\nSet-Cookie: x=y", "max-age=\u00e91", "a\tb"})
    void blankOrUnprintableValuesAreInvalid(String value) {
        assertThat(CacheHeaders.isValidCacheControl(value)).isFalse();
    }
}
