package io.livepush.llhls;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.playlist.MediaPlaylist;
import io.livepush.playlist.MediaPlaylists;
import io.livepush.playlist.Part;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OriginPartsTest {

    private static final Path DIR = Path.of("/storage/acme/ll").toAbsolutePath();
    private static final String PLAYLIST = """
            #EXTM3U
            #EXT-X-VERSION:6
            #EXT-X-TARGETDURATION:1
            #EXT-X-MEDIA-SEQUENCE:1
            #EXT-X-MAP:URI="init-stream0.m4s"
            #EXTINF:1.000000,
            chunk-stream0-00001.m4s
            #EXTINF:1.000000,
            chunk-stream0-00002.m4s
            """;

    /** The four fragments of ffmpeg's one-second segment, as the scanner reports them. */
    private static List<Fragment> ffmpegFragments() throws IOException {
        FragmentScanner scanner = new FragmentScanner(InitSegment.parse(
                FragmentScannerTest.resource("ffmpeg-init-stream0.m4s")));
        return scanner.feed(ByteBuffer.wrap(FragmentScannerTest.resource("ffmpeg-chunk-stream0-00001.m4s")));
    }

    private static GrowingSegment segment(List<Fragment> fragments, boolean complete) {
        GrowingSegment segment = new GrowingSegment(null, DIR.resolve("media_0.m3u8"));
        segment.add(fragments);
        if (complete) {
            segment.markComplete();
        }
        return segment;
    }

    @Test
    void partsOfTheGrowingSegmentAndTheLastOnesAreAdded() throws IOException {
        List<Fragment> fragments = ffmpegFragments();
        Map<Path, GrowingSegment> known = new HashMap<>();
        known.put(DIR.resolve("chunk-stream0-00002.m4s"), segment(fragments, true));
        known.put(DIR.resolve("chunk-stream0-00003.m4s"), segment(fragments.subList(0, 2), false));
        MediaPlaylist encoders = MediaPlaylists.parse(PLAYLIST);

        PlaylistAnswer answer = OriginParts.add(encoders, SegmentNaming.of(DIR, "chunk-stream0-00002.m4s"),
                known::get, OriginParts.partTarget(0.28));
        MediaPlaylist playlist = answer.playlist();
        String text = new String(answer.body(), StandardCharsets.UTF_8);

        assertThat(answer.originMade()).isTrue();
        assertThat(playlist.partTarget()).isEqualTo(0.28);
        assertThat(playlist.serverControl().canBlockReload()).isTrue();
        assertThat(playlist.serverControl().partHoldBack()).isEqualTo(0.84);
        assertThat(playlist.segment(1).parts()).isEmpty();
        assertThat(playlist.segment(2).parts()).extracting(Part::duration).containsExactly(0.28, 0.28, 0.28, 0.16);
        assertThat(playlist.segment(2).parts().get(0).byteRange().offset()).isZero();
        assertThat(playlist.segment(2).parts().get(0).byteRange().length()).isEqualTo(12064);
        assertThat(playlist.segment(2).parts().get(0).independent()).isTrue();
        assertThat(playlist.pendingParts()).extracting(Part::uri).containsExactly("chunk-stream0-00003.m4s",
                "chunk-stream0-00003.m4s");
        assertThat(playlist.preloadHints()).singleElement().satisfies(hint -> {
            assertThat(hint.uri()).isEqualTo("chunk-stream0-00003.m4s");
            assertThat(hint.start()).isEqualTo(21225);
            assertThat(hint.length()).isEqualTo(-1);
        });
        assertThat(text).startsWith(PLAYLIST.substring(0, PLAYLIST.indexOf("#EXT-X-MEDIA-SEQUENCE")))
                .contains("#EXT-X-PART:DURATION=0.28,URI=\"chunk-stream0-00002.m4s\",BYTERANGE=\"12064@0\","
                        + "INDEPENDENT=YES\n");
        assertThat(playlist.segments()).hasSize(2);
    }

    @Test
    void withoutAnyFragmentNothingIsAdded() {
        MediaPlaylist encoders = MediaPlaylists.parse(PLAYLIST);

        assertThat(OriginParts.add(encoders, SegmentNaming.of(DIR, "chunk-stream0-00002.m4s"), path -> null, 0))
                .isNull();
    }

    @Test
    void aCompleteButUnlistedSegmentHintsTheOneAfter() throws IOException {
        Map<Path, GrowingSegment> known = Map.of(DIR.resolve("chunk-stream0-00003.m4s"),
                segment(ffmpegFragments(), true));

        PlaylistAnswer answer = OriginParts.add(MediaPlaylists.parse(PLAYLIST),
                SegmentNaming.of(DIR, "chunk-stream0-00002.m4s"), known::get, 0.28);

        assertThat(answer.playlist().pendingParts()).hasSize(4);
        assertThat(answer.playlist().preloadHints().get(0).uri()).isEqualTo("chunk-stream0-00004.m4s");
        assertThat(answer.playlist().preloadHints().get(0).start()).isZero();
    }
}
