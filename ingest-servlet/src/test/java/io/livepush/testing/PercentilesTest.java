package io.livepush.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final List<Double> TEN = List.of(7.0, 1.0, 10.0, 3.0, 5.0, 2.0, 9.0, 4.0, 8.0, 6.0);

    @Test
    void nearestRankOfUnsortedValues() {
        assertThat(Percentiles.median(TEN)).isEqualTo(5.0);
        assertThat(Percentiles.percentile(TEN, 0.9)).isEqualTo(9.0);
        assertThat(Percentiles.percentile(TEN, 0.91)).isEqualTo(10.0);
        assertThat(Percentiles.percentile(TEN, 0.0)).isEqualTo(1.0);
        assertThat(Percentiles.percentile(TEN, 1.0)).isEqualTo(10.0);
    }

    @Test
    void oneValueIsEveryPercentileAndNoneIsNaN() {
        assertThat(Percentiles.percentile(List.of(4.2), 0.99)).isEqualTo(4.2);
        assertThat(Percentiles.median(List.of())).isNaN();
    }
}
