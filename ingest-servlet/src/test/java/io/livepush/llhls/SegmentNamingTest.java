package io.livepush.llhls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SegmentNamingTest {

    private static final Path DIR = Path.of("/storage/acme/ll").toAbsolutePath();

    @Test
    void ffmpegsDashAndHlsNamesHaveACounter() {
        SegmentNaming dash = SegmentNaming.of(DIR, "chunk-stream0-00042.m4s");
        SegmentNaming hls = SegmentNaming.of(DIR, "index9.m4s");

        assertThat(dash.name(43)).isEqualTo("chunk-stream0-00043.m4s");
        assertThat(dash.counter("chunk-stream0-00100.m4s")).hasValue(100);
        assertThat(dash.counter("chunk-stream1-00100.m4s")).isEmpty();
        assertThat(hls.name(10)).isEqualTo("index10.m4s");
        assertThat(hls.names(DIR.resolve("index11.m4s"))).isTrue();
        assertThat(hls.names(DIR.resolve("sub/index11.m4s"))).isFalse();
        assertThat(hls.names(DIR.resolve("index11.m4s.tmp"))).isFalse();
    }

    @Test
    void onlyPlainRelativeFmp4NamesWithACounterQualify() {
        assertThat(SegmentNaming.of(DIR, "seg_00001.ts")).isNull();
        assertThat(SegmentNaming.of(DIR, "../x/seg1.m4s")).isNull();
        assertThat(SegmentNaming.of(DIR, "sub/seg1.m4s")).isNull();
        assertThat(SegmentNaming.of(DIR, "http://cdn/seg1.m4s")).isNull();
        assertThat(SegmentNaming.of(DIR, "seg1.m4s?x=1")).isNull();
        assertThat(SegmentNaming.of(DIR, "segment.m4s")).isNull();
    }
}
