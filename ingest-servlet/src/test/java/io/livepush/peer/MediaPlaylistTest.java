package io.livepush.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaPlaylistTest {

    static MediaPlaylist playlist(String text) {
        return MediaPlaylist.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static final String LIVE = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:7
            #EXTINF:2.000000,
            seg_00007.ts
            #EXT-X-DISCONTINUITY
            #EXTINF:2.000000,
            seg_00008.ts
            """;

    @Test
    void segmentsGetConsecutiveMediaSequenceNumbersFromTheFirst() {
        MediaPlaylist parsed = playlist(LIVE);

        assertThat(parsed.targetDurationSeconds()).isEqualTo(2);
        assertThat(parsed.segments()).containsExactly(Map.entry("seg_00007.ts", 7L),
                Map.entry("seg_00008.ts", 8L));
        assertThat(parsed.lastSequence(-1)).isEqualTo(8);
        assertThat(parsed.ended()).isFalse();
    }

    @Test
    void endListMarksTheStreamEnded() {
        assertThat(playlist(LIVE + "#EXT-X-ENDLIST\n").ended()).isTrue();
    }

    @Test
    void withoutMediaSequenceTheFirstSegmentIsZero() {
        MediaPlaylist parsed = playlist("#EXTM3U\r\n#EXT-X-TARGETDURATION:6\r\n#EXTINF:6,\r\na.ts\r\n");

        assertThat(parsed.sequenceOf("a.ts")).isZero();
    }

    @Test
    void fractionalTargetDurationIsRoundedUp() {
        assertThat(playlist("#EXTM3U\n#EXT-X-TARGETDURATION:1.2\n").targetDurationSeconds()).isEqualTo(2);
    }

    @Test
    void masterPlaylistsAndOtherTextAreNotMediaPlaylists() {
        assertThat(playlist("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nstream_0/index.m3u8\n")).isNull();
        assertThat(playlist("<MPD/>")).isNull();
        assertThat(playlist("#EXTM3U\n#EXTINF:2,\na.ts\n")).as("no target duration").isNull();
    }

    @Test
    void emptyPlaylistHasNoLastSegment() {
        assertThat(playlist("#EXTM3U\n#EXT-X-TARGETDURATION:2\n").lastSequence(-1)).isEqualTo(-1);
    }
}
