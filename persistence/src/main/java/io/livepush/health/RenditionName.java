package io.livepush.health;

/** One rendition of one slot, by slot ID and rendition name (see {@link RenditionReport#rendition()}). */
public record RenditionName(String slotId, String rendition) {
}
