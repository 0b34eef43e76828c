package io.livepush.admin.ui.slot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlayerScriptsTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            index.m3u8             | HLS
            stream_0/INDEX.M3U8    | HLS
            master.m3u8            | HLS
            manifest.mpd           | DASH
            live/Manifest.MPD      | DASH
            """)
    void theManifestsExtensionChoosesThePlayer(String path, PlayerScripts.Format expected) {
        assertThat(PlayerScripts.Format.of(path)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "seg_00001.ts", "init.mp4", ".m3u8", ".mpd", "index.m3u8.bak", "manifest.mpd/"})
    void aPathThatIsNoManifestPlaysWithNeither(String path) {
        assertThat(PlayerScripts.Format.of(path)).isEmpty();
    }

    @Test
    void theHlsJsScriptIsInTheWebJarOnTheClasspath() {
        assertThat(PlayerScripts.class.getResource("/META-INF/resources" + PlayerScripts.HLS)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            dash.all.min.js             | 3a1db51ed00412c16f9edb304db69ac84f1ffce8aa2d61caf4895aa9c9bdf0df
            dash.all.min.js.LICENSE.txt | 6b70ec3be3133a0977aa0ca03695d198a270da5c5195c0d4a86fff5670b45530
            LICENSE.md                  | f7cc4ba24850cc564766c75923d07c3d22fa27f304285f4d25ecffeaec964e28
            """)
    void theShippedDashJsBuildIsTheReleaseItsReadmeNames(String file, String sha256) throws Exception {
        Path folder = WEBAPP.resolve(PlayerScripts.DASH.substring(1)).getParent();

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve(file)));

        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(sha256);
        assertThat(Files.readString(folder.resolve("README.md"))).contains(sha256);
    }
}
