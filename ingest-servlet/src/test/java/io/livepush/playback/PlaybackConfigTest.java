package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaybackConfigTest {

    @Test
    void defaultsAreStarAndOneSecondForManifests() {
        PlaybackConfig config = PlaybackConfig.from(Map.<String, String>of()::get);

        assertThat(config.cors()).isEqualTo(CorsPolicy.ANY);
        assertThat(config.manifestCacheControl()).isEqualTo("max-age=1");
        assertThat(config.manifestCacheBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void theManifestCacheIsSizedInMebibytesAndZeroTurnsItOff() {
        assertThat(PlaybackConfig.from(Map.of(PlaybackConfig.MANIFEST_CACHE_MEGABYTES, " 8 ")::get)
                .manifestCacheBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(PlaybackConfig.from(Map.of(PlaybackConfig.MANIFEST_CACHE_MEGABYTES, "0")::get)
                .manifestCacheBytes()).isZero();
    }

    @Test
    void theVerdictCacheHolds16384EntriesByDefaultAndZeroTurnsItOff() {
        assertThat(PlaybackConfig.from(Map.<String, String>of()::get).verdictCacheEntries()).isEqualTo(16_384);
        assertThat(PlaybackConfig.from(Map.of(PlaybackConfig.VERDICT_CACHE_ENTRIES, " 100 ")::get)
                .verdictCacheEntries()).isEqualTo(100);
        assertThat(PlaybackConfig.from(Map.of(PlaybackConfig.VERDICT_CACHE_ENTRIES, "0")::get)
                .verdictCacheEntries()).isZero();
    }

    @Test
    void manifestCopiesAreRecheckedEvery100MillisecondsByDefaultAndAtMostEverySecond() {
        assertThat(PlaybackConfig.from(Map.<String, String>of()::get).manifestRecheckMillis()).isEqualTo(100);
        assertThat(PlaybackConfig.from(Map.of(PlaybackConfig.MANIFEST_RECHECK_MILLIS, "0")::get)
                .manifestRecheckMillis()).isZero();
        assertThatThrownBy(() -> PlaybackConfig.from(Map.of(PlaybackConfig.MANIFEST_RECHECK_MILLIS, "5000")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("playback.manifestRecheckMillis").hasMessageContaining("from 0 to 1000");
    }

    @Test
    void aBadVerdictCacheSizeStopsTheDeploymentNamingTheValue() {
        assertThatThrownBy(() -> PlaybackConfig.from(Map.of(PlaybackConfig.VERDICT_CACHE_ENTRIES, "-1")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("playback.verdictCacheEntries").hasMessageContaining("'-1'");
        assertThatThrownBy(() -> PlaybackConfig.from(Map.of(PlaybackConfig.VERDICT_CACHE_ENTRIES, "lots")::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'lots'");
    }

    @Test
    void manifestCacheControlIsConfigurable() {
        PlaybackConfig config = PlaybackConfig.from(Map.of(PlaybackConfig.MANIFEST_CACHE_CONTROL, " no-cache ")::get);

        assertThat(config.manifestCacheControl()).isEqualTo("no-cache");
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        assertThatThrownBy(() -> PlaybackConfig.from(Map.of(PlaybackConfig.CORS_ORIGIN, "player.example.com",
                PlaybackConfig.MANIFEST_CACHE_CONTROL, "max-age=1\nX: y",
                PlaybackConfig.MANIFEST_CACHE_MEGABYTES, "-1")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PlaybackConfig.CORS_ORIGIN)
                .hasMessageContaining(PlaybackConfig.MANIFEST_CACHE_CONTROL)
                .hasMessageContaining(PlaybackConfig.MANIFEST_CACHE_MEGABYTES);
    }
}
