package io.livepush.origin;

import io.livepush.service.SlotRules;
import java.nio.file.Path;

/**
 * A slot this node serves: its rules as last loaded and its storage directory. Immutable; a reload replaces it.
 */
public record LiveSlot(SlotRules rules, Path directory) {

    public String shortname() {
        return rules.shortname();
    }

    public String name() {
        return rules.name();
    }

    public String id() {
        return rules.slotId();
    }
}
