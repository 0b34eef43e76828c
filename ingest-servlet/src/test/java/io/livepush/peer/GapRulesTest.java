package io.livepush.peer;

import static io.livepush.peer.MediaPlaylistTest.playlist;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GapRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    /** A live playlist with 2 s target duration naming {@code seg_N.ts} for each N from {@code first} to {@code last}. */
    private static MediaPlaylist window(long first, long last, String prefix) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:" + first + "\n");
        for (long n = first; n <= last; n++) {
            text.append("#EXTINF:2.0,\n").append(prefix).append(n).append(".ts\n");
        }
        return playlist(text.toString());
    }

    @Test
    void aPlaylistIsStaleOnlyAfterThreeTargetDurationsWithoutARewrite() {
        MediaPlaylist live = window(1, 5, "seg_");

        assertThat(GapRules.isStale(live, NOW.minusSeconds(6), NOW)).as("exactly 3 × 2 s").isFalse();
        assertThat(GapRules.isStale(live, NOW.minusMillis(6001), NOW)).isTrue();
        assertThat(GapRules.isStale(live, NOW.minusSeconds(1), NOW)).isFalse();
    }

    @Test
    void anEndedPlaylistIsNeverStale() {
        MediaPlaylist ended = playlist("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n#EXT-X-ENDLIST\n");

        assertThat(GapRules.isStale(ended, NOW.minusSeconds(3600), NOW)).isFalse();
    }

    @Test
    void thePeersCopyIsCurrentWhenItHasALaterSegment() {
        assertThat(GapRules.isAhead(window(3, 8, "seg_"), window(1, 5, "seg_"))).isTrue();
        assertThat(GapRules.isAhead(window(1, 5, "seg_"), window(1, 5, "seg_"))).isFalse();
        assertThat(GapRules.isAhead(window(1, 4, "seg_"), window(1, 5, "seg_"))).isFalse();
    }

    @Test
    void copiesOfOneEncoderOutputAgree() {
        assertThat(GapRules.conflict(window(1, 5, "seg_"), window(3, 9, "seg_"))).isNull();
    }

    @Test
    void copiesSharingNoSegmentCannotBeToldApart() {
        assertThat(GapRules.conflict(window(1, 5, "seg_"), window(20, 25, "seg_"))).isNull();
    }

    @Test
    void theSameNameWithAnotherMediaSequenceDiverges() {
        // Restarted on one side: seg_3.ts is media sequence 3 here and 13 there.
        MediaPlaylist restarted = playlist("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:13\n"
                + "#EXTINF:2,\nseg_3.ts\n");

        assertThat(GapRules.conflict(window(1, 5, "seg_"), restarted))
                .isEqualTo("segment seg_3.ts has media sequence 3 here and 13 on the peer PoP");
    }

    @Test
    void theSameMediaSequenceWithAnotherNameDiverges() {
        assertThat(GapRules.conflict(window(1, 5, "seg_"), window(4, 6, "other_")))
                .isEqualTo("media sequence 4 is seg_4.ts here and other_4.ts on the peer PoP");
    }

    static Stream<Arguments> uris() {
        return Stream.of(
                Arguments.of("index.m3u8", "seg_1.ts", "seg_1.ts"),
                Arguments.of("stream_0/index.m3u8", "seg_1.ts", "stream_0/seg_1.ts"),
                Arguments.of("v0.m3u8", "v0/seg_1.ts", "v0/seg_1.ts"),
                Arguments.of("stream_0/index.m3u8", "../seg_1.ts", null),
                Arguments.of("stream_0/index.m3u8", "./seg_1.ts", null),
                Arguments.of("index.m3u8", "/live/play/acme/s/seg_1.ts", null),
                Arguments.of("index.m3u8", "https://cdn.example.com/seg_1.ts", null),
                Arguments.of("index.m3u8", "seg_1.ts?token=x", null),
                Arguments.of("index.m3u8", "a//seg_1.ts", null));
    }

    @ParameterizedTest
    @MethodSource("uris")
    void segmentUrisResolveAgainstThePlaylistsDirectoryAndOnlySimpleOnesCount(String playlist, String uri,
            String expected) {
        assertThat(GapRules.resolve(playlist, uri)).isEqualTo(expected);
    }
}
