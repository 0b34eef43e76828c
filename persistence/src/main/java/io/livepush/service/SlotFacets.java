package io.livepush.service;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import java.util.Set;

/** The regions and types that an account's slots actually have: what the "Show only" list offers. */
public record SlotFacets(Set<Region> regions, Set<SlotType> types) {

    public SlotFacets {
        regions = Set.copyOf(regions);
        types = Set.copyOf(types);
    }
}
