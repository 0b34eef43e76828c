package io.livepush.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MpdWindowsTest {

    private static final Path SLOT = Path.of("/storage/acme/cam1");
    private static final Path MPD = SLOT.resolve("dash/manifest.mpd");

    @Test
    void eachRepresentationOfFfmpegsTimelineIsARenditionWithItsSegmentsAndBandwidth() throws IOException {
        Map<String, RenditionWindow> windows = MpdWindows.of(fixture("ffmpeg-dynamic.mpd"), SLOT, MPD, 64);

        assertThat(windows).containsOnlyKeys("0");
        RenditionWindow window = windows.get("0");
        assertThat(window.format()).isEqualTo("dash");
        assertThat(window.ended()).isFalse();
        assertThat(window.declaredKbps()).isEqualTo(300);
        assertThat(window.segmentDuration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(window.segments()).extracting(WindowSegment::sequence).containsExactly(3L, 4L, 5L);
        assertThat(window.segments().get(0).file()).isEqualTo(SLOT.resolve("dash/chunk-stream0-00003.m4s"));
    }

    @Test
    void aStaticMpdEndedTheStreamAndTheTemplateMayComeFromTheAdaptationSet() {
        String mpd = """
                <?xml version="1.0"?>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static">
                 <Period><AdaptationSet>
                  <SegmentTemplate timescale="1000" media="v-$RepresentationID$-$Time$.m4s" startNumber="7">
                   <SegmentTimeline><S t="2000" d="2000" r="1"/><S d="1500"/></SegmentTimeline>
                  </SegmentTemplate>
                  <Representation id="hd" bandwidth="2000000"/>
                  <Representation id="sd" bandwidth="800000"/>
                 </AdaptationSet></Period>
                </MPD>""";

        Map<String, RenditionWindow> windows = MpdWindows.of(mpd.getBytes(StandardCharsets.UTF_8), SLOT, MPD, 64);

        assertThat(windows).containsOnlyKeys("hd", "sd");
        assertThat(windows.get("sd").ended()).isTrue();
        assertThat(windows.get("sd").declaredKbps()).isEqualTo(800);
        assertThat(windows.get("sd").segmentDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(windows.get("sd").segments()).extracting(WindowSegment::sequence).containsExactly(7L, 8L, 9L);
        assertThat(windows.get("sd").segments()).extracting(segment -> segment.file().getFileName().toString())
                .containsExactly("v-sd-2000.m4s", "v-sd-4000.m4s", "v-sd-6000.m4s");
    }

    @Test
    void aTemplateWithoutTimelineABrokenDocumentAndADoctypeGiveNoRendition() {
        String durationOnly = """
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="dynamic"><Period><AdaptationSet>
                <Representation id="0" bandwidth="1000"><SegmentTemplate duration="2" media="s$Number$.m4s"/>
                </Representation></AdaptationSet></Period></MPD>""";
        String entity = """
                <?xml version="1.0"?><!DOCTYPE MPD [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011"><Period><AdaptationSet><Representation id="&x;">
                <SegmentTemplate media="s$Number$.m4s"><SegmentTimeline><S d="1"/></SegmentTimeline>
                </SegmentTemplate></Representation></AdaptationSet></Period></MPD>""";

        assertThat(MpdWindows.of(durationOnly.getBytes(StandardCharsets.UTF_8), SLOT, MPD, 64)).isEmpty();
        assertThat(MpdWindows.of("<MPD".getBytes(StandardCharsets.UTF_8), SLOT, MPD, 64)).isEmpty();
        assertThat(MpdWindows.of(entity.getBytes(StandardCharsets.UTF_8), SLOT, MPD, 64)).isEmpty();
    }

    @Test
    void templatesExpandEveryIdentifierWithTheirWidths() {
        assertThat(DashTemplates.expand("c-$RepresentationID$-$Number%05d$.m4s", "v1", 42, 0, 0))
                .isEqualTo("c-v1-00042.m4s");
        assertThat(DashTemplates.expand("$Time$_$Bandwidth$$$.m4s", "x", 1, 9000, 500000))
                .isEqualTo("9000_500000$.m4s");
        assertThat(DashTemplates.expand("$Unknown$-$Number%5d$", "x", 3, 0, 0)).isEqualTo("$Unknown$-$Number%5d$");
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = MpdWindowsTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
