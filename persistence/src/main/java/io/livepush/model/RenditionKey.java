package io.livepush.model;

import java.io.Serializable;

/** The composite key of {@link RenditionHealthRow}: one ingest node's view of one rendition of one slot. */
public record RenditionKey(String nodeId, String slotId, String rendition) implements Serializable {
}
