package io.livepush.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaPlaylistsTest {

    static String resource(String name) throws IOException {
        try (InputStream in = MediaPlaylistsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void ffmpegsDashMuxerPlaylistIsParsed() throws IOException {
        MediaPlaylist playlist = MediaPlaylists.parse(resource("ffmpeg-dash-media_0.m3u8"));

        assertThat(playlist.version()).isEqualTo(6);
        assertThat(playlist.targetDuration()).isEqualTo(1);
        assertThat(playlist.mediaSequence()).isEqualTo(1);
        assertThat(playlist.segments()).extracting(Segment::uri).containsExactly("chunk-stream0-00001.m4s",
                "chunk-stream0-00002.m4s", "chunk-stream0-00003.m4s", "chunk-stream0-00004.m4s");
        assertThat(playlist.segments()).extracting(Segment::mediaSequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(playlist.segment(4).duration()).isEqualTo(1.0);
        assertThat(playlist.segment(1).programDateTime()).startsWith("20").endsWith("+0000");
        assertThat(playlist.segment(1).lines()).first().isEqualTo("#EXT-X-MAP:URI=\"init-stream0.m4s\"");
        assertThat(playlist.lastMediaSequence()).isEqualTo(4);
        assertThat(playlist.endList()).isTrue();
        assertThat(playlist.hasParts()).isFalse();
        assertThat(playlist.serverControl()).isEqualTo(ServerControl.NONE);
    }

    @Test
    void ffmpegsHlsMuxerFmp4PlaylistIsParsed() throws IOException {
        MediaPlaylist playlist = MediaPlaylists.parse(resource("ffmpeg-hls-fmp4.m3u8"));

        assertThat(playlist.version()).isEqualTo(7);
        assertThat(playlist.targetDuration()).isEqualTo(2);
        assertThat(playlist.nextMediaSequence()).isEqualTo(3);
        assertThat(playlist.duration()).isEqualTo(6.0);
        assertThat(playlist.headerLines()).contains("#EXT-X-PLAYLIST-TYPE:EVENT");
    }

    @Test
    void anEncodersLowLatencyPlaylistIsParsed() throws IOException {
        MediaPlaylist playlist = MediaPlaylists.parse(resource("ll-hls-encoder.m3u8"));

        assertThat(playlist.serverControl()).isEqualTo(new ServerControl(true, 24.0, false, 0, 1.0));
        assertThat(playlist.partTarget()).isEqualTo(0.33334);
        assertThat(playlist.hasParts()).isTrue();
        assertThat(playlist.segment(268).discontinuity()).isTrue();
        assertThat(playlist.segment(267).discontinuity()).isFalse();
        assertThat(playlist.segment(269).parts()).containsExactly(
                new Part("filePart269.0.mp4", 0.33334, true, null, false),
                new Part("filePart269.1.mp4", 0.33334, false, null, false),
                new Part("filePart269.2.mp4", 0.33334, false, new ByteRange(1000, 20), false));
        assertThat(playlist.pendingParts()).extracting(Part::uri).containsExactly("filePart270.0.mp4",
                "filePart270.1.mp4");
        assertThat(playlist.preloadHints()).containsExactly(new PreloadHint("PART", "filePart270.2.mp4", 0, -1));
        assertThat(playlist.trailerLines()).hasSize(2);
        assertThat(playlist.pendingLines()).hasSize(2);
        assertThat(playlist.nextMediaSequence()).isEqualTo(270);
        assertThat(playlist.endList()).isFalse();
    }

    @Test
    void aDeltaUpdateCountsTheSkippedSegments() {
        MediaPlaylist playlist = MediaPlaylists.parse("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:10\n"
                + "#EXT-X-SKIP:SKIPPED-SEGMENTS=5\n#EXTINF:2,\ns15.ts\n");

        assertThat(playlist.skippedSegments()).isEqualTo(5);
        assertThat(playlist.segment(15).uri()).isEqualTo("s15.ts");
        assertThat(playlist.segment(10)).isNull();
    }

    @Test
    void crLfLineEndsQuotedCommasAndUnknownTagsAreAccepted() {
        MediaPlaylist playlist = MediaPlaylists.parse("#EXTM3U\r\n#EXT-X-TARGETDURATION:2\r\n\r\n"
                + "#EXT-X-DATERANGE:ID=\"a,b\",START-DATE=\"2026-01-01T00:00:00Z\"\r\n#EXT-X-FUTURE-TAG\r\n"
                + "#EXTINF:1.5,title, with comma\r\nhttp://cdn/x.ts?a=1\r\n");

        Segment segment = playlist.segment(0);
        assertThat(segment.uri()).isEqualTo("http://cdn/x.ts?a=1");
        assertThat(segment.duration()).isEqualTo(1.5);
        assertThat(segment.lines()).hasSize(4);
    }

    @Test
    void notAMediaPlaylistIsRefusedQuotingTheLine() {
        assertThatThrownBy(() -> MediaPlaylists.parse("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\na.m3u8\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#EXT-X-STREAM-INF");
        assertThatThrownBy(() -> MediaPlaylists.parse("<html>\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<html>");
        assertThatThrownBy(() -> MediaPlaylists.parse("#EXTM3U\n#EXTINF:2,\na.ts\n"))
                .hasMessageContaining("TARGETDURATION");
        assertThatThrownBy(() -> MediaPlaylists.parse("#EXTM3U\n#EXT-X-TARGETDURATION:2\na.ts\n"))
                .hasMessageContaining("'a.ts' has no #EXTINF");
        assertThatThrownBy(() -> MediaPlaylists.parse("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:x,\na.ts\n"))
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> MediaPlaylists.parse("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-PART:URI=\"p\"\n"))
                .hasMessageContaining("DURATION");
        assertThatThrownBy(() -> MediaPlaylists.parse("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-PART:URI=\"p\n"))
                .hasMessageContaining("unclosed quote");
        assertThatThrownBy(() -> MediaPlaylists.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MediaPlaylists.isValid("#EXTM3U\n#EXT-X-TARGETDURATION:-2\n")).isFalse();
    }
}
