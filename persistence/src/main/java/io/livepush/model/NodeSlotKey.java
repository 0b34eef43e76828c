package io.livepush.model;

import java.io.Serializable;

/**
 * The composite key of what one ingest node records about one slot ({@link SlotIngestStats},
 * {@link IngestNodeSlotError}).
 */
public record NodeSlotKey(String nodeId, String slotId) implements Serializable {
}
