package io.livepush.admin.api.json;

import java.util.List;

/** A page of the slot list and how many slots match in all. */
public record SlotPageJson(List<SlotSummaryJson> items, long total, int offset, int limit) {
}
