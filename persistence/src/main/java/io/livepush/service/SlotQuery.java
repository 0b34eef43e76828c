package io.livepush.service;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;

/**
 * A page of an account's slot list.
 *
 * @param region {@code null} for every region
 * @param type   {@code null} for every type
 * @param offset how many rows to skip
 * @param limit  how many rows to return, 1–{@value #MAX_LIMIT}
 */
public record SlotQuery(Region region, SlotType type, SlotSort sort, int offset, int limit) {

    /** The largest page served at once. */
    public static final int MAX_LIMIT = 500;

    public SlotQuery {
        sort = sort == null ? SlotSort.CREATED_DESC : sort;
        if (offset < 0) {
            throw new IllegalArgumentException("The offset must not be negative (was " + offset + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("The limit must be between 1 and " + MAX_LIMIT + " (was " + limit + ")");
        }
    }

    /** The first {@code limit} slots, newest first, unfiltered. */
    public static SlotQuery firstPage(int limit) {
        return new SlotQuery(null, null, SlotSort.CREATED_DESC, 0, limit);
    }
}
