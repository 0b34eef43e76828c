package io.livepush.service;

import java.util.List;

/** One page of the slot list and the number of slots that match the filter in all. */
public record SlotPage(List<SlotSummary> items, long total) {

    public SlotPage {
        items = List.copyOf(items);
    }
}
