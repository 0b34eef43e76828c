package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaylistsTest {

    @TempDir
    Path dir;

    @Test
    void aPlaylistWithStreamInfIsAMaster() throws Exception {
        Path file = Files.writeString(dir.resolve("master.m3u8"),
                "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n720p/index.m3u8\n");

        assertThat(Playlists.isMaster(file)).isTrue();
    }

    @Test
    void aMediaPlaylistIsNotAMaster() throws Exception {
        Path file = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#EXTINF:2.0,\nseg_1.ts\n");

        assertThat(Playlists.isMaster(file)).isFalse();
    }

    @Test
    void aMissingFileOrADirectoryIsNotAMaster() throws Exception {
        assertThat(Playlists.isMaster(dir.resolve("absent.m3u8"))).isFalse();
        assertThat(Playlists.isMaster(Files.createDirectory(dir.resolve("dir.m3u8")))).isFalse();
    }

    @Test
    void aTagBeyondTheReadLimitDoesNotCount() throws Exception {
        byte[] content = new byte[Playlists.MAX_BYTES + 100];
        byte[] tag = "#EXT-X-STREAM-INF".getBytes();
        System.arraycopy(tag, 0, content, Playlists.MAX_BYTES + 10, tag.length);

        assertThat(Playlists.isMaster(Files.write(dir.resolve("huge.m3u8"), content))).isFalse();
    }
}
