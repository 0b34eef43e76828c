package io.livepush.llhls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scanner on real ffmpeg 5.1 output: {@code -f dash -streaming 1 -ldash 1 -frag_type duration -frag_duration
 * 0.25 -seg_duration 1} at 25 fps (four fragments per one-second segment), and {@code -f hls -hls_segment_type fmp4
 * -hls_time 2} (one fragment per segment).
 */
class FragmentScannerTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FragmentScannerTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static List<Fragment> scan(byte[] init, byte[] segment, long seed) {
        FragmentScanner scanner = new FragmentScanner(InitSegment.parse(init));
        List<Fragment> fragments = new ArrayList<>();
        Random random = new Random(seed);
        int at = 0;
        while (at < segment.length) {
            int piece = Math.min(segment.length - at, 1 + random.nextInt(seed == 0 ? 1 : 3000));
            fragments.addAll(scanner.feed(ByteBuffer.wrap(segment, at, piece)));
            at += piece;
        }
        assertThat(scanner.failed()).isFalse();
        assertThat(scanner.position()).isEqualTo(segment.length);
        return fragments;
    }

    @Test
    void theDashMuxersFragmentsAreFoundInPiecesOfAnySize() throws IOException {
        byte[] init = resource("ffmpeg-init-stream0.m4s");
        byte[] segment = resource("ffmpeg-chunk-stream0-00001.m4s");

        for (long seed : new long[] {0, 1, 2, 3}) {
            List<Fragment> fragments = scan(init, segment, seed);

            assertThat(fragments).extracting(Fragment::offset).containsExactly(24L, 12064L, 21225L, 31002L);
            assertThat(fragments.get(3).end()).isEqualTo(segment.length);
            assertThat(fragments.get(0).length()).isEqualTo(132 + 11908);
            assertThat(fragments.stream().mapToDouble(Fragment::duration).sum()).isCloseTo(1.0, within(1e-9));
            // 25 fps: seven frames, seven, seven, then the four left of the second.
            assertThat(fragments).extracting(Fragment::duration).containsExactly(0.28, 0.28, 0.28, 0.16);
            assertThat(fragments).extracting(Fragment::independent).containsExactly(true, false, false, false);
        }
    }

    @Test
    void theHlsMuxersSegmentIsOneFragment() throws IOException {
        byte[] segment = resource("ffmpeg-hls-index1.m4s");

        List<Fragment> fragments = scan(resource("ffmpeg-hls-init.mp4"), segment, 7);

        assertThat(fragments).hasSize(1);
        assertThat(fragments.get(0).end()).isEqualTo(segment.length);
        assertThat(fragments.get(0).duration()).isCloseTo(2.0, within(1e-9));
        assertThat(fragments.get(0).independent()).isTrue();
    }

    @Test
    void anMpegTsSegmentIsNotScanned() {
        byte[] ts = new byte[188 * 10];
        for (int i = 0; i < 10; i++) {
            ts[i * 188] = 0x47;
        }
        FragmentScanner scanner = new FragmentScanner(new InitSegment(java.util.Map.of(1L,
                new InitSegment.Track(90000, 0, 0))));

        assertThat(scanner.feed(ByteBuffer.wrap(ts))).isEmpty();
        assertThat(scanner.failed()).isTrue();
    }
}
