package io.livepush.admin.api.json;

import java.util.List;

/**
 * {@code GET /slots/{name}/health}: encoder health per rendition, judged at {@code checkedAt}; one entry per rendition
 * and ingest node (an encoder publishing to a primary and a backup PoP appears once per node).
 */
public record SlotHealthJson(String slot, String checkedAt, List<RenditionHealthJson> renditions) {

    public SlotHealthJson {
        renditions = List.copyOf(renditions);
    }
}
