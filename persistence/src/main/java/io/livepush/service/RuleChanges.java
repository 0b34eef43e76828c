package io.livepush.service;

import java.util.List;

/**
 * The slots that changed after the version an ingest node had loaded.
 *
 * @param version the version the node has loaded once it applies {@code changed}
 * @param changed every slot whose config version is above the node's, including ones being deleted or deleted
 */
public record RuleChanges(long version, List<SlotRules> changed) {

    public RuleChanges {
        changed = List.copyOf(changed);
    }
}
