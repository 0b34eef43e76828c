package io.livepush.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPlaylistsTest {

    private static final String TWO_SEGMENTS = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:4\n"
            + "#EXTINF:2,\nseg_4.ts\n#EXTINF:2,\nseg_5.ts\n";

    @TempDir
    Path slot;
    private final LocalPlaylists playlists = new LocalPlaylists();

    @Test
    void aSegmentIsNamedByThePlaylistInItsDirectory() throws Exception {
        Files.createDirectories(slot.resolve("stream_0"));
        Files.writeString(slot.resolve("stream_0/index.m3u8"), TWO_SEGMENTS);

        LocalPlaylists.Naming naming = playlists.naming(slot, "stream_0/seg_5.ts", Map.of());

        assertThat(naming.playlist()).isEqualTo("stream_0/index.m3u8");
        assertThat(naming.stored().sequenceOf("seg_5.ts")).isEqualTo(5);
    }

    @Test
    void aSegmentIsNamedByAPlaylistInAParentDirectory() throws Exception {
        Files.writeString(slot.resolve("v0.m3u8"), TWO_SEGMENTS.replace("seg_", "v0/seg_"));

        assertThat(playlists.naming(slot, "v0/seg_4.ts", Map.of()).playlist()).isEqualTo("v0.m3u8");
    }

    @Test
    void aSegmentNoPlaylistNamesHasNoNaming() throws Exception {
        Files.writeString(slot.resolve("index.m3u8"), TWO_SEGMENTS);

        assertThat(playlists.naming(slot, "seg_6.ts", Map.of())).isNull();
        assertThat(playlists.naming(slot, "other/seg_4.ts", Map.of())).as("another directory").isNull();
    }

    @Test
    void aSegmentOnlyThePeersCopyNamesIsNamedByThatCopy() throws Exception {
        Path file = slot.resolve("index.m3u8");
        Files.writeString(file, TWO_SEGMENTS);
        MediaPlaylist peer = MediaPlaylist.parse((TWO_SEGMENTS + "#EXTINF:2,\nseg_6.ts\n").getBytes());

        LocalPlaylists.Naming naming = playlists.naming(slot, "seg_6.ts", Map.of(file, peer));

        assertThat(naming.playlist()).isEqualTo("index.m3u8");
        assertThat(naming.stored()).as("not named by the stored copy").isNull();
    }

    @Test
    void aRewrittenPlaylistIsReadAgain() throws Exception {
        Path file = slot.resolve("index.m3u8");
        Files.writeString(file, TWO_SEGMENTS);
        assertThat(playlists.naming(slot, "seg_6.ts", Map.of())).isNull();

        Files.writeString(file, TWO_SEGMENTS + "#EXTINF:2,\nseg_6.ts\n");

        assertThat(playlists.naming(slot, "seg_6.ts", Map.of())).isNotNull();
    }
}
