package io.livepush.service;

/**
 * The orders the slot list offers (SPEC §8); ties are broken by ID so that paging is stable. Each order matches an
 * index of the {@code slot} table column for column (InnoDB appends the ID to every secondary index), so a page is
 * read straight from the index without sorting.
 */
public enum SlotSort {
    /** Newest first: the default. */
    CREATED_DESC("s.createdAt desc, s.id desc"),
    NAME("s.name, s.id"),
    /** By region, then by name within a region. */
    REGION("s.region, s.name, s.id"),
    /** By type, then by name within a type. */
    TYPE("s.type, s.name, s.id");

    private final String orderBy;

    SlotSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
