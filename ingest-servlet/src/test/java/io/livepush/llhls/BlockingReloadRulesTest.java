package io.livepush.llhls;

import static io.livepush.llhls.BlockingReloadRules.Outcome.ANSWER;
import static io.livepush.llhls.BlockingReloadRules.Outcome.HOLD;
import static io.livepush.llhls.BlockingReloadRules.Outcome.TOO_FAR_AHEAD;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.playlist.MediaPlaylist;
import io.livepush.playlist.MediaPlaylists;
import org.junit.jupiter.api.Test;

class BlockingReloadRulesTest {

    /** Segments 10–12 complete (12 in two parts), parts 0 and 1 of segment 13 listed; part target 0.5 s. */
    private static final MediaPlaylist PARTS = MediaPlaylists.parse("""
            #EXTM3U
            #EXT-X-TARGETDURATION:1
            #EXT-X-VERSION:9
            #EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.5
            #EXT-X-PART-INF:PART-TARGET=0.5
            #EXT-X-MEDIA-SEQUENCE:10
            #EXTINF:1,
            s10.m4s
            #EXTINF:1,
            s11.m4s
            #EXT-X-PART:DURATION=0.5,URI="s12.m4s",BYTERANGE="100@0",INDEPENDENT=YES
            #EXT-X-PART:DURATION=0.5,URI="s12.m4s",BYTERANGE="100@100"
            #EXTINF:1,
            s12.m4s
            #EXT-X-PART:DURATION=0.5,URI="s13.m4s",BYTERANGE="100@0",INDEPENDENT=YES
            #EXT-X-PART:DURATION=0.5,URI="s13.m4s",BYTERANGE="100@100"
            #EXT-X-PRELOAD-HINT:TYPE=PART,URI="s13.m4s",BYTERANGE-START=200
            """);
    private static final MediaPlaylist SEGMENTS = MediaPlaylists.parse("""
            #EXTM3U
            #EXT-X-TARGETDURATION:2
            #EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES
            #EXT-X-MEDIA-SEQUENCE:10
            #EXTINF:2,
            s10.ts
            #EXTINF:2,
            s11.ts
            """);

    private static BlockingReloadRules.Outcome decide(MediaPlaylist playlist, long msn, long part) {
        return BlockingReloadRules.decide(playlist, new DeliveryDirectives(msn, part, false));
    }

    @Test
    void aListedSegmentIsAnsweredAndTheNextTwoAreHeld() {
        assertThat(decide(SEGMENTS, 11, -1)).isEqualTo(ANSWER);
        assertThat(decide(SEGMENTS, 3, -1)).isEqualTo(ANSWER);
        assertThat(decide(SEGMENTS, 12, -1)).isEqualTo(HOLD);
        assertThat(decide(SEGMENTS, 13, -1)).isEqualTo(HOLD);
    }

    @Test
    void moreThanTwoSegmentsAheadIsTooFar() {
        assertThat(decide(SEGMENTS, 14, -1)).isEqualTo(TOO_FAR_AHEAD);
    }

    @Test
    void aPartIsAnsweredOnceListed() {
        assertThat(decide(PARTS, 13, 1)).isEqualTo(ANSWER);
        assertThat(decide(PARTS, 13, 2)).isEqualTo(HOLD);
        assertThat(decide(PARTS, 14, 0)).isEqualTo(HOLD);
        assertThat(decide(PARTS, 12, 1)).isEqualTo(ANSWER);
    }

    @Test
    void aPartPastTheLastOfACompleteSegmentIsPartZeroOfTheNext() {
        assertThat(decide(PARTS, 12, 5)).isEqualTo(ANSWER);
        MediaPlaylist noPending = MediaPlaylists.parse(String.join("\n",
                PARTS.headerLines()) + "\n#EXT-X-PART:DURATION=0.5,URI=\"p.m4s\"\n#EXTINF:0.5,\ns10.m4s\n");
        assertThat(decide(noPending, 10, 1)).isEqualTo(HOLD);
    }

    @Test
    void aPartBeyondTheAdvancePartLimitIsTooFar() {
        // Limit 3 / 0.5 = 6 parts past part 1 of segment 13 (two parts per segment).
        assertThat(BlockingReloadRules.advancePartLimit(PARTS)).isEqualTo(6.0);
        assertThat(decide(PARTS, 14, 1)).isEqualTo(HOLD);
        assertThat(decide(PARTS, 14, 6)).isEqualTo(TOO_FAR_AHEAD);
        assertThat(decide(PARTS, 13, 8)).isEqualTo(TOO_FAR_AHEAD);
    }

    @Test
    void directivesAreIgnoredAfterEndlistOrWithoutBlockingReloads() {
        MediaPlaylist ended = MediaPlaylists.parse(String.join("\n", SEGMENTS.headerLines())
                + "\n#EXTINF:2,\ns10.ts\n#EXT-X-ENDLIST\n");
        MediaPlaylist plain = MediaPlaylists.parse("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\ns0.ts\n");

        assertThat(decide(ended, 11, -1)).isEqualTo(ANSWER);
        assertThat(decide(ended, 99, -1)).isEqualTo(ANSWER);
        assertThat(decide(plain, 99, -1)).isEqualTo(ANSWER);
    }

    @Test
    void aPartOfAPlaylistWithoutPartsIsIgnored() {
        assertThat(decide(SEGMENTS, 11, 3)).isEqualTo(ANSWER);
        assertThat(decide(SEGMENTS, 12, 0)).isEqualTo(HOLD);
    }
}
