package io.livepush.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ring of per-second (or per-minute) buckets behind the ingest statistics window (SPEC §7). */
class SlidingCountsTest {

    /** A whole second, so bucket boundaries fall on round offsets. */
    private static final long T0 = 1_767_225_600_000L;

    private final SlidingCounts minute = new SlidingCounts(60, 1000);

    @Test
    void requestsAreCountedByStatusWithTheirBytes() {
        minute.add(T0, 201, 100);
        minute.add(T0 + 10, 201, 200);
        minute.add(T0 + 20, 204, 300);
        minute.add(T0 + 1500, 201, 400);
        minute.add(T0 + 2000, 401, 0);

        assertThat(minute.requests(T0 + 2500)).isEqualTo(Map.of(201, 3L, 204, 1L, 401, 1L));
        assertThat(minute.bytes(T0 + 2500)).isEqualTo(1000);
    }

    @Test
    void untrackedStatusesCountAs500() {
        minute.add(T0, 418, 0);
        minute.add(T0, 502, 0);
        minute.add(T0, 500, 0);

        assertThat(minute.requests(T0)).isEqualTo(Map.of(500, 3L));
    }

    @Test
    void requestFallsOutOfTheWindowAfter60Seconds() {
        minute.add(T0 + 500, 201, 42);

        assertThat(minute.requests(T0 + 59_999)).isEqualTo(Map.of(201, 1L));
        assertThat(minute.bytes(T0 + 59_999)).isEqualTo(42);
        assertThat(minute.requests(T0 + 60_000)).isEmpty();
        assertThat(minute.bytes(T0 + 60_000)).isZero();
    }

    @Test
    void reusedBucketForgetsWhatItHeldAMinuteAgo() {
        minute.add(T0, 201, 10);
        minute.add(T0 + 60_000, 204, 20);

        assertThat(minute.requests(T0 + 60_000)).isEqualTo(Map.of(204, 1L));
        assertThat(minute.bytes(T0 + 60_000)).isEqualTo(20);
    }

    @Test
    void longSilenceEmptiesTheWindow() {
        for (int second = 0; second < 60; second++) {
            minute.add(T0 + second * 1000L, 201, 1);
        }

        assertThat(minute.requests(T0 + 86_400_000L)).isEmpty();
        assertThat(minute.bytesWithin(T0 + 86_400_000L, 10_000)).isZero();
    }

    @Test
    void bytesWithinCountsTheCompleteBucketsOfTheSpan() {
        for (int second = 0; second < 20; second++) {
            minute.add(T0 + second * 1000L + 500, 201, 100);
        }

        assertThat(minute.bytesWithin(T0 + 20_000, 10_000)).isEqualTo(1000);
        assertThat(minute.bytesWithin(T0 + 20_999, 10_000)).isEqualTo(1000);
        minute.add(T0 + 20_100, 201, 5000);
        assertThat(minute.bytesWithin(T0 + 20_200, 10_000)).as("the bucket still filling is left out")
                .isEqualTo(1000);
        assertThat(minute.bytesWithin(T0 + 21_000, 10_000)).isEqualTo(900 + 5000);
        assertThat(minute.bytesWithin(T0 + 31_000, 10_000)).isEqualTo(0);
    }

    @Test
    void hourWindowUsesMinuteBuckets() {
        SlidingCounts hour = new SlidingCounts(60, 60_000);
        hour.add(T0, 201, 1);
        hour.add(T0 + 59 * 60_000L, 204, 2);

        assertThat(hour.requests(T0 + 59 * 60_000L + 59_999)).isEqualTo(Map.of(201, 1L, 204, 1L));
        assertThat(hour.requests(T0 + 60 * 60_000L)).isEqualTo(Map.of(204, 1L));
        assertThat(hour.bytes(T0 + 60 * 60_000L)).isEqualTo(2);
    }
}
