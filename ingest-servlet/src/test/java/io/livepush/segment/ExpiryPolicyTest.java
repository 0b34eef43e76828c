package io.livepush.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpiryPolicyTest {

    private static final Instant MODIFIED = Instant.parse("2026-01-01T00:00:00Z");
    private static final ExpiryPolicy POLICY = ExpiryPolicy.ofSeconds(300);

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("index.m3u8", true),
                Arguments.of("INDEX.M3U8", true),
                Arguments.of("720p/chunklist.m3u8", true),
                Arguments.of("manifest.mpd", true),
                Arguments.of("Manifest.MPD", true),
                Arguments.of("video.init", true),
                Arguments.of("video.INIT", true),
                Arguments.of("init.mp4", true),
                Arguments.of("init-stream0.m4s", true),
                Arguments.of("Init_720p.m4s", true),
                Arguments.of("init", true),
                Arguments.of("seg_00042.ts", false),
                Arguments.of("chunk-stream0-00001.m4s", false),
                Arguments.of("video_init.mp4", false),
                Arguments.of("index.m3u8.bak.ts", false),
                Arguments.of("m3u8", false),
                Arguments.of("init/seg_1.ts", false),
                Arguments.of("subs.vtt", false),
                Arguments.of("key.key", false),
                Arguments.of(".upload-1f2e3d", false));
    }

    @ParameterizedTest(name = "{0} exempt: {1}")
    @MethodSource("names")
    void playlistsManifestsAndInitFilesAreExemptByNameCaseInsensitive(String name, boolean exempt) {
        assertThat(ExpiryPolicy.isExempt(Path.of(name))).isEqualTo(exempt);
    }

    @Test
    void aFileExpiresExactlyFileExpiryAfterItsModificationTime() {
        Path segment = Path.of("seg_1.ts");

        assertThat(POLICY.isExpired(segment, MODIFIED, MODIFIED.plusSeconds(299).plusMillis(999))).isFalse();
        assertThat(POLICY.isExpired(segment, MODIFIED, MODIFIED.plusSeconds(300))).isTrue();
        assertThat(POLICY.expiresAt(MODIFIED)).isEqualTo(MODIFIED.plusSeconds(300));
    }

    @Test
    void exemptFilesNeverExpireByAge() {
        assertThat(POLICY.isExpired(Path.of("index.m3u8"), MODIFIED, MODIFIED.plus(Duration.ofDays(3650)))).isFalse();
        assertThat(POLICY.isExpired(Path.of("init.mp4"), MODIFIED, MODIFIED.plus(Duration.ofDays(3650)))).isFalse();
    }

    @Test
    void exemptFilesEndOnlyWhenTheyAreAllThatIsLeftAndTheNewestExpired() {
        Instant later = MODIFIED.plusSeconds(300);

        assertThat(POLICY.isEnded(true, MODIFIED, later)).isTrue();
        assertThat(POLICY.isEnded(true, MODIFIED, later.minusSeconds(1))).isFalse();
        assertThat(POLICY.isEnded(false, MODIFIED, later.plusSeconds(3600))).isFalse();
    }

    @Test
    void aFileExpiryMustBePositive() {
        assertThatThrownBy(() -> ExpiryPolicy.ofSeconds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> ExpiryPolicy.ofSeconds(-5)).isInstanceOf(IllegalArgumentException.class);
    }
}
