package io.livepush.health;

import java.time.Duration;

/**
 * One rendition's health on this node at one moment, for metrics: {@code livepush_rendition_state} and
 * {@code livepush_rendition_last_segment_age_seconds} carry {@link #slotId()} and {@link #rendition()} as labels.
 *
 * @param slotId         the slot's ID (never its name: names are chosen by customers and may repeat across accounts)
 * @param rendition      the media playlist's path in the slot, or the MPD's path, {@code #} and the Representation id
 * @param lastSegmentAge how long ago the newest segment was published
 * @param measuredKbps   the measured bitrate, or {@code null}
 * @param declaredKbps   the declared bitrate, or {@code null}
 */
public record RenditionSnapshot(String slotId, String rendition, String format, RenditionStatus status,
        Duration lastSegmentAge, Integer measuredKbps, Integer declaredKbps, int missingNow) {
}
