package io.livepush.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlotLabelsTest {

    private static final String A = "0123456789abcdef0123456789abcdef";
    private static final String B = "fedcba9876543210fedcba9876543210";
    private static final String C = "00000000000000000000000000000000";

    @Test
    void theFirstSlotsUpToTheCapAreLabelledByIdAndTheRestShareOther() {
        SlotLabels labels = new SlotLabels(2);

        assertThat(labels.of(A)).isEqualTo(A);
        assertThat(labels.of(B)).isEqualTo(B);
        assertThat(labels.of(C)).isEqualTo(SlotLabels.OTHER);
        assertThat(labels.of(A)).as("a slot keeps its label").isEqualTo(A);
        assertThat(labels.of(C)).isEqualTo(SlotLabels.OTHER);
    }

    @Test
    void aCapOfZeroSumsEverySlot() {
        assertThat(new SlotLabels(0).of(A)).isEqualTo(SlotLabels.OTHER);
    }

    @Test
    void theCapSettingIsCheckedAtStartup() {
        assertThat(LiveMetricsListener.maxSlotSeries(null)).isEqualTo(LiveMetricsListener.DEFAULT_MAX_SLOT_SERIES);
        assertThat(LiveMetricsListener.maxSlotSeries(" 7 ")).isEqualTo(7);
        assertThatThrownBy(() -> LiveMetricsListener.maxSlotSeries("-1"))
                .hasMessageContaining("metrics.maxSlotSeries must be a whole number from 0 to 10000 (was '-1')");
        assertThatThrownBy(() -> LiveMetricsListener.maxSlotSeries("many"))
                .hasMessageContaining("(was 'many')");
    }
}
