package io.livepush.ingest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Requests by HTTP status and bytes over a sliding window of {@code buckets} buckets of {@code bucketMillis} each: a
 * ring that forgets a bucket once it falls out of the window. Not thread-safe; {@link SlotCounters} guards it.
 */
final class SlidingCounts {

    private static final int[] TRACKED = {200, 201, 204, 400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 507};

    private final long bucketMillis;
    private final long[] bucketStart;
    private final long[][] requests;
    private final long[] bytes;

    SlidingCounts(int buckets, long bucketMillis) {
        this.bucketMillis = bucketMillis;
        this.bucketStart = new long[buckets];
        this.requests = new long[buckets][TRACKED.length + 1];
        this.bytes = new long[buckets];
    }

    void add(long nowMillis, int status, long byteCount) {
        int bucket = bucket(nowMillis);
        requests[bucket][column(status)]++;
        bytes[bucket] += byteCount;
    }

    /** Requests per status in the window ending at {@code nowMillis}; statuses we do not track count as 500. */
    Map<Integer, Long> requests(long nowMillis) {
        Map<Integer, Long> counts = new HashMap<>();
        for (int b = 0; b < bucketStart.length; b++) {
            if (isLive(b, nowMillis)) {
                for (int c = 0; c < TRACKED.length; c++) {
                    if (requests[b][c] > 0) {
                        counts.merge(TRACKED[c], requests[b][c], Long::sum);
                    }
                }
                if (requests[b][TRACKED.length] > 0) {
                    counts.merge(500, requests[b][TRACKED.length], Long::sum);
                }
            }
        }
        return counts;
    }

    long bytes(long nowMillis) {
        long total = 0;
        for (int b = 0; b < bucketStart.length; b++) {
            if (isLive(b, nowMillis)) {
                total += bytes[b];
            }
        }
        return total;
    }

    /**
     * Bytes in the {@code spanMillis} (a whole number of buckets) that ended with the last complete bucket. The bucket
     * still filling is left out: counting it too would measure over up to one bucket more than the span and
     * overstate a steady rate by up to one bucket's share.
     */
    long bytesWithin(long nowMillis, long spanMillis) {
        long currentStart = nowMillis - nowMillis % bucketMillis;
        long total = 0;
        for (int b = 0; b < bucketStart.length; b++) {
            if (isLive(b, nowMillis) && bucketStart[b] < currentStart
                    && bucketStart[b] >= currentStart - spanMillis) {
                total += bytes[b];
            }
        }
        return total;
    }

    private int bucket(long nowMillis) {
        long start = nowMillis - nowMillis % bucketMillis;
        int bucket = (int) ((nowMillis / bucketMillis) % bucketStart.length);
        if (bucketStart[bucket] != start) {
            bucketStart[bucket] = start;
            Arrays.fill(requests[bucket], 0);
            bytes[bucket] = 0;
        }
        return bucket;
    }

    private boolean isLive(int bucket, long nowMillis) {
        return bucketStart[bucket] > nowMillis - bucketMillis * bucketStart.length;
    }

    private static int column(int status) {
        for (int c = 0; c < TRACKED.length; c++) {
            if (TRACKED[c] == status) {
                return c;
            }
        }
        return TRACKED.length;
    }
}
