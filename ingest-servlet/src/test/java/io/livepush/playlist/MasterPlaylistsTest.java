package io.livepush.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasterPlaylistsTest {

    @Test
    void everyVariantWithABandwidthIsReadAndAverageBandwidthIsPreferred() {
        String master = """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=2200000,AVERAGE-BANDWIDTH=2000000,CODECS="avc1.64001f,mp4a.40.2"
                high/index.m3u8
                #EXT-X-STREAM-INF:RESOLUTION=640x360,BANDWIDTH=800000
                low/index.m3u8
                #EXT-X-STREAM-INF:RESOLUTION=320x180
                nobandwidth/index.m3u8
                """;

        assertThat(MasterPlaylists.isMaster(master)).isTrue();
        assertThat(MasterPlaylists.variants(master)).containsExactly(
                new Variant("high/index.m3u8", 2_200_000, 2_000_000), new Variant("low/index.m3u8", 800_000, 0));
        assertThat(MasterPlaylists.variants(master)).extracting(Variant::declaredBitsPerSecond)
                .containsExactly(2_000_000L, 800_000L);
        assertThat(MasterPlaylists.isMaster("#EXTM3U\n#EXT-X-TARGETDURATION:1\n")).isFalse();
    }
}
