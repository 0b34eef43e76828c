package io.livepush.service;

import java.util.Map;

/**
 * What an ingest node reports every few seconds.
 *
 * @param configVersion the config version whose slots the node has loaded and created directories for
 * @param error         a node-wide problem (for example an unwritable storage root), or {@code null}
 * @param slotErrors    slot ID → problem for slots the node could not provision; the node's earlier reports are replaced
 */
public record Heartbeat(String nodeId, String popName, long configVersion, String error,
        Map<String, String> slotErrors) {

    public Heartbeat {
        slotErrors = slotErrors == null ? Map.of() : Map.copyOf(slotErrors);
    }
}
