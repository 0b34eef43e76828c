package io.livepush.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.health.RenditionSnapshot;
import io.livepush.health.RenditionState;
import io.livepush.health.RenditionStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The series of the agreement: {@code livepush_rendition_state{slot,rendition,state}} with 1 for the current
 * state and 0 for the other four, {@code livepush_rendition_last_segment_age_seconds{slot,rendition}}; slots beyond
 * the cap summed under {@code other}; renditions that are gone disappear.
 */
class RenditionMetersTest {

    private static final String FIRST = "11111111111111111111111111111111";
    private static final String SECOND = "22222222222222222222222222222222";
    private static final String THIRD = "33333333333333333333333333333333";
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    private final List<RenditionSnapshot> renditions = new ArrayList<>();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RenditionMeters meters = new RenditionMeters(registry, new SlotLabels(1), () -> renditions);

    @Test
    void eachRenditionHasOneSeriesPerStateWithOneForTheCurrentStateAndItsSegmentAge() {
        renditions.add(snapshot(FIRST, "low/index.m3u8", RenditionState.LATE, 1700));
        renditions.add(snapshot(FIRST, "high/index.m3u8", RenditionState.HEALTHY, 300));
        meters.refresh();
        String scrape = registry.scrape();

        assertThat(scrape).contains("livepush_rendition_state{rendition=\"low/index.m3u8\",slot=\"" + FIRST
                        + "\",state=\"late\"} 1.0")
                .contains("livepush_rendition_state{rendition=\"low/index.m3u8\",slot=\"" + FIRST
                        + "\",state=\"healthy\"} 0.0")
                .contains("livepush_rendition_state{rendition=\"high/index.m3u8\",slot=\"" + FIRST
                        + "\",state=\"healthy\"} 1.0")
                .contains("livepush_rendition_last_segment_age_seconds{rendition=\"low/index.m3u8\",slot=\"" + FIRST
                        + "\"} 1.7");
        for (String state : List.of("healthy", "late", "missing_segments", "off_bitrate", "stopped")) {
            assertThat(scrape).contains("rendition=\"low/index.m3u8\",slot=\"" + FIRST + "\",state=\"" + state + "\"}");
        }
    }

    @Test
    void slotsBeyondTheCapAreSummedAsOtherAndGoneRenditionsDisappear() {
        renditions.add(snapshot(FIRST, "index.m3u8", RenditionState.HEALTHY, 100));
        renditions.add(snapshot(SECOND, "index.m3u8", RenditionState.STOPPED, 9000));
        renditions.add(snapshot(THIRD, "index.m3u8", RenditionState.STOPPED, 4000));
        meters.refresh();
        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("livepush_rendition_state{rendition=\"index.m3u8\",slot=\"other\",state=\"stopped\"} 2.0")
                .contains("livepush_rendition_last_segment_age_seconds{rendition=\"index.m3u8\",slot=\"other\"} 9.0")
                .doesNotContain(SECOND).doesNotContain(THIRD);

        renditions.clear();
        meters.refresh();
        assertThat(registry.scrape()).doesNotContain("livepush_rendition_state{");
    }

    private static RenditionSnapshot snapshot(String slot, String rendition, RenditionState state, long ageMillis) {
        return new RenditionSnapshot(slot, rendition, "hls", new RenditionStatus(state, NOW),
                Duration.ofMillis(ageMillis), null, null, 0);
    }
}
