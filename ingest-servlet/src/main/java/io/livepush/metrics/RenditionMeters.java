package io.livepush.metrics;

import io.livepush.health.RenditionHealthSource;
import io.livepush.health.RenditionSnapshot;
import io.livepush.health.RenditionState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encoder health per rendition as series, refreshed before every scrape from the node's
 * {@link RenditionHealthSource}: {@code livepush_rendition_state{slot,rendition,state}} (1 for the current state, 0
 * for the others) and {@code livepush_rendition_last_segment_age_seconds{slot,rendition}}. Slots beyond the series cap
 * share {@code slot="other"}: there the state series count the renditions in each state and the age is the oldest.
 */
final class RenditionMeters {

    private final RenditionHealthSource source;
    private final SlotLabels labels;
    private final MultiGauge states;
    private final MultiGauge ages;

    RenditionMeters(MeterRegistry registry, SlotLabels labels, RenditionHealthSource source) {
        this.source = source;
        this.labels = labels;
        states = MultiGauge.builder("livepush.rendition.state")
                .description("Encoder health per rendition: 1 for the current state, 0 otherwise (summed per state "
                        + "for slot=\"other\")")
                .register(registry);
        ages = MultiGauge.builder("livepush.rendition.last.segment.age").baseUnit("seconds")
                .description("Time since the rendition's newest segment was published (the oldest for slot=\"other\")")
                .register(registry);
    }

    /** Replaces every row with the renditions the source lists now. */
    synchronized void refresh() {
        Map<List<String>, Double> stateValues = new TreeMap<>(RenditionMeters::compare);
        Map<List<String>, Double> ageValues = new TreeMap<>(RenditionMeters::compare);
        for (RenditionSnapshot rendition : source.renditions()) {
            String slot = labels.of(rendition.slotId());
            for (RenditionState state : RenditionState.values()) {
                stateValues.merge(List.of(slot, rendition.rendition(), state.label()),
                        rendition.status().state() == state ? 1.0 : 0.0, Double::sum);
            }
            ageValues.merge(List.of(slot, rendition.rendition()), rendition.lastSegmentAge().toMillis() / 1000.0,
                    Math::max);
        }
        List<MultiGauge.Row<?>> stateRows = new ArrayList<>();
        stateValues.forEach((key, value) -> stateRows.add(MultiGauge.Row.of(Tags.of("slot", key.get(0), "rendition",
                key.get(1), "state", key.get(2)), value)));
        List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
        ageValues.forEach((key, value) -> ageRows.add(MultiGauge.Row.of(Tags.of("slot", key.get(0), "rendition",
                key.get(1)), value)));
        states.register(stateRows, true);
        ages.register(ageRows, true);
    }

    private static int compare(List<String> a, List<String> b) {
        return String.join("\n", a).compareTo(String.join("\n", b));
    }
}
