package io.livepush.domain;

/**
 * Where a slot is in its life. A deleted slot stays {@link #DELETING} while ingest nodes remove its files and becomes
 * {@link #DELETED} (a tombstone that frees its name) once they have.
 */
public enum SlotLifecycle {
    ACTIVE,
    DELETING,
    DELETED
}
