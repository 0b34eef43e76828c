package io.livepush.health;

import static io.livepush.health.HealthFiles.playlist;
import static io.livepush.health.HealthFiles.segment;
import static io.livepush.health.HealthFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.playlist.PlaylistViews;
import io.livepush.segment.PublishedFile;
import io.livepush.testing.MutableClock;
import io.livepush.testing.PublishedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderHealthTest {

    private static final Instant START = Instant.parse("2026-12-05T08:00:00Z");

    @TempDir
    Path root;
    private Path slot;
    private final MutableClock clock = new MutableClock(START);
    private final PlaylistViews views = new PlaylistViews();
    private EncoderHealth health;

    @BeforeEach
    void setUp() {
        slot = root.resolve("acme/cam1");
        health = new EncoderHealth(root, (shortname, name) -> "acme".equals(shortname) && "cam1".equals(name)
                ? "slot-1" : null, views::view, clock);
    }

    @Test
    void eachMediaPlaylistIsARenditionAndTheMasterDeclaresItsBitrate() {
        upload("master.m3u8", """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=800000
                low/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=2000000
                high/index.m3u8
                """);
        publish("low", 0);
        publish("high", 0);
        health.process();

        assertThat(health.renditions()).extracting(RenditionSnapshot::rendition)
                .containsExactlyInAnyOrder("low/index.m3u8", "high/index.m3u8");
        assertThat(health.renditions()).filteredOn(r -> r.rendition().equals("high/index.m3u8")).singleElement()
                .satisfies(r -> {
                    assertThat(r.slotId()).isEqualTo("slot-1");
                    assertThat(r.declaredKbps()).isEqualTo(2000);
                    assertThat(r.status().state()).isEqualTo(RenditionState.HEALTHY);
                });
    }

    @Test
    void aRenditionThatStopsPublishingGoesLateThenStoppedWhileTheOtherStaysHealthy() {
        for (int second = 0; second < 6; second++) {
            publish("low", second);
            if (second < 2) {
                publish("high", second);
            }
            health.process();
            clock.advance(Duration.ofSeconds(1));
        }
        health.process();

        assertThat(states()).containsExactlyInAnyOrder("low/index.m3u8=healthy", "high/index.m3u8=stopped");
    }

    @Test
    void dashRepresentationsAreRenditionsNamedAfterTheMpd() {
        segment(slot.resolve("dash/chunk-stream0-00003.m4s"), 1000);
        upload("dash/manifest.mpd", new String(fixture(), java.nio.charset.StandardCharsets.UTF_8));
        health.process();

        assertThat(health.renditions()).extracting(RenditionSnapshot::rendition, RenditionSnapshot::format)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dash/manifest.mpd#0", "dash"));
    }

    @Test
    void anMpdIsJudgedFromTheBytesItsPublishKeptNotReadBackFromDisk() throws IOException {
        segment(slot.resolve("dash/chunk-stream0-00003.m4s"), 1000);
        Path mpd = text(slot.resolve("dash/manifest.mpd"), new String(fixture(), StandardCharsets.UTF_8));
        PublishedFile published = PublishedFiles.withContent(mpd);
        Files.delete(mpd);

        health.written(published);
        health.process();

        assertThat(health.renditions()).extracting(RenditionSnapshot::rendition).containsExactly("dash/manifest.mpd#0");
    }

    @Test
    void uploadsOfUnknownSlotsAndOtherFilesAreIgnored() {
        Path foreign = text(root.resolve("globex/cam9/index.m3u8"), playlist("seg", 0, 1, false));
        health.written(PublishedFiles.at(foreign, START));
        health.written(PublishedFiles.at(segment(slot.resolve("low/seg0.ts"), 10), START));
        health.process();

        assertThat(health.renditions()).isEmpty();
    }

    @Test
    void aSlotHasAtMostItsBoundOfRenditions() {
        for (int i = 0; i < EncoderHealth.MAX_RENDITIONS_PER_SLOT + 3; i++) {
            publish("r" + i, 0);
        }
        health.process();

        assertThat(health.renditions()).hasSize(EncoderHealth.MAX_RENDITIONS_PER_SLOT);
    }

    @Test
    void flushStoresWhatIsDueAndKeepsItDueWhenTheSinkFails() {
        publish("low", 0);
        health.process();
        List<RenditionReport> stored = new ArrayList<>();

        health.flush((changed, gone) -> {
            throw new IllegalStateException("database down");
        });
        health.flush((changed, gone) -> stored.addAll(changed));
        health.flush((changed, gone) -> stored.addAll(changed));

        assertThat(stored).extracting(RenditionReport::rendition).containsExactly("low/index.m3u8");
    }

    @Test
    void aRenditionSilentForAnHourIsForgottenAndItsRowRemoved() {
        publish("low", 0);
        health.process();
        clock.advance(EncoderHealth.FORGET_AFTER.plusSeconds(1));
        health.process();
        List<RenditionName> removed = new ArrayList<>();

        health.flush((changed, gone) -> removed.addAll(gone));

        assertThat(health.renditions()).isEmpty();
        assertThat(removed).containsExactly(new RenditionName("slot-1", "low/index.m3u8"));
    }

    private List<String> states() {
        return health.renditions().stream().map(r -> r.rendition() + "=" + r.status().state().label()).toList();
    }

    /** An encoder's upload of segment {@code n} of rendition {@code name}, then its playlist naming the last three. */
    private void publish(String name, int n) {
        segment(slot.resolve(name + "/seg" + n + ".ts"), 1000);
        long first = Math.max(0, n - 2);
        upload(name + "/index.m3u8", playlist("seg", first, (int) (n - first + 1), false));
    }

    private void upload(String path, String content) {
        PublishedFile published = PublishedFiles.at(text(slot.resolve(path), content), clock.instant());
        views.written(published);
        health.written(published);
    }

    private static byte[] fixture() {
        try (var in = EncoderHealthTest.class.getResourceAsStream("ffmpeg-dynamic.mpd")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
