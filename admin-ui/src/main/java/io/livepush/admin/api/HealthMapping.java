package io.livepush.admin.api;

import io.livepush.admin.api.json.RenditionHealthJson;
import io.livepush.admin.api.json.SlotHealthJson;
import io.livepush.health.RenditionHealth;
import io.livepush.health.SlotHealth;
import java.time.Duration;

/** Maps encoder health to its JSON records. */
final class HealthMapping {

    private HealthMapping() {
    }

    static SlotHealthJson slot(String slotName, SlotHealth health) {
        return new SlotHealthJson(slotName, JsonMapping.time(health.checkedAt()),
                health.renditions().stream().map(HealthMapping::rendition).toList());
    }

    static RenditionHealthJson rendition(RenditionHealth health) {
        return new RenditionHealthJson(health.rendition(), health.nodeId(), health.format(),
                health.status().state().label(), JsonMapping.time(health.status().since()), health.lastSequence(),
                JsonMapping.time(health.lastSegmentAt()), seconds(health.segmentAge()),
                seconds(health.playlistAge()), seconds(health.segmentDuration()), health.measuredKbps(),
                health.declaredKbps(), health.missingNow(), health.missingTotal(), health.sequenceResets(),
                JsonMapping.time(health.lastResetAt()), health.discontinuities(), JsonMapping.time(health.updatedAt()));
    }

    /** A duration in seconds with millisecond precision. */
    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
