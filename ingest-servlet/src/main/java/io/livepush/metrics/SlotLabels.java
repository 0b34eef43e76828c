package io.livepush.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code slot} label of per-slot series: the slot's ID for the first {@code max} slots seen since startup, and
 * {@value #OTHER} for every later one, so the number of series stays bounded however many slots a node serves. A slot
 * keeps its label for the life of the process. Never a name, shortname or anything a client sent.
 */
final class SlotLabels {

    /** The label the slots beyond the cap share. */
    static final String OTHER = "other";
    /** The label of requests that named no slot this node serves. */
    static final String UNKNOWN = "unknown";

    private final int max;
    private final Map<String, String> labels = new ConcurrentHashMap<>();

    SlotLabels(int max) {
        this.max = max;
    }

    /** The label of the slot with {@code slotId}. */
    String of(String slotId) {
        String label = labels.get(slotId);
        return label != null ? label : assign(slotId);
    }

    private synchronized String assign(String slotId) {
        String label = labels.get(slotId);
        if (label != null) {
            return label;
        }
        if (labels.size() >= max) {
            return OTHER;
        }
        labels.put(slotId, slotId);
        return slotId;
    }
}
