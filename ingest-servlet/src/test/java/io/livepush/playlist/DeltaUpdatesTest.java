package io.livepush.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeltaUpdatesTest {

    private static String playlist(String serverControl, int segments) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:2\n" + serverControl
                + "#EXT-X-MEDIA-SEQUENCE:100\n#EXT-X-MAP:URI=\"init.mp4\"\n");
        for (int i = 0; i < segments; i++) {
            if (i == 1) {
                text.append("#EXT-X-DATERANGE:ID=\"ad\",START-DATE=\"2026-12-05T07:00:00Z\"\n");
            }
            text.append("#EXTINF:2.0,\ns").append(100 + i).append(".m4s\n");
        }
        return text.toString();
    }

    @Test
    void theOldestSegmentsBeyondCanSkipUntilAreSkipped() {
        MediaPlaylist full = MediaPlaylists.parse(playlist("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,"
                + "CAN-SKIP-UNTIL=12.0\n", 10));

        MediaPlaylist delta = DeltaUpdates.of(full);
        String text = new String(PlaylistTexts.render(delta), StandardCharsets.UTF_8);
        MediaPlaylist reparsed = MediaPlaylists.parse(text);

        assertThat(delta.skippedSegments()).isEqualTo(4);
        assertThat(delta.duration()).isEqualTo(12.0);
        assertThat(text).contains("#EXT-X-VERSION:9\n").contains("#EXT-X-SKIP:SKIPPED-SEGMENTS=4\n"
                + "#EXT-X-DATERANGE:ID=\"ad\",START-DATE=\"2026-12-05T07:00:00Z\"\n#EXT-X-MAP:URI=\"init.mp4\"\n"
                + "#EXTINF:2.0,\ns104.m4s\n").doesNotContain("s103.m4s");
        assertThat(reparsed.segment(104).uri()).isEqualTo("s104.m4s");
        assertThat(reparsed.lastMediaSequence()).isEqualTo(full.lastMediaSequence());
    }

    @Test
    void withoutCanSkipUntilOrAnythingOldEnoughThePlaylistStaysWhole() {
        MediaPlaylist noSkip = MediaPlaylists.parse(playlist("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES\n", 10));
        MediaPlaylist young = MediaPlaylists.parse(playlist("#EXT-X-SERVER-CONTROL:CAN-SKIP-UNTIL=12\n", 6));

        assertThat(DeltaUpdates.of(noSkip)).isSameAs(noSkip);
        assertThat(DeltaUpdates.of(young)).isSameAs(young);
    }
}
