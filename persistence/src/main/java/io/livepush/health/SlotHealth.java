package io.livepush.health;

import java.time.Instant;
import java.util.List;

/** Every rendition of one slot as each ingest node reported it, judged at {@code checkedAt}. */
public record SlotHealth(Instant checkedAt, List<RenditionHealth> renditions) {

    public SlotHealth {
        renditions = List.copyOf(renditions);
    }
}
