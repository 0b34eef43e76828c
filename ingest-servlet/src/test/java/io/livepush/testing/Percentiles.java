package io.livepush.testing;

import java.util.List;

/** Nearest-rank percentiles of measured figures (latencies, in the player ITs), NaN when there is none. */
public final class Percentiles {

    private Percentiles() {
    }

    public static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    /** The smallest value such that at least {@code fraction} of all values are at most it. */
    public static double percentile(List<Double> values, double fraction) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(fraction * sorted.size()) - 1)));
    }
}
