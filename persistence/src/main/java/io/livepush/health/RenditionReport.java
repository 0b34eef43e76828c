package io.livepush.health;

import java.time.Instant;
import java.util.Objects;

/**
 * What an ingest node reports about one rendition of one slot: the facts the rules judge, the state it judged, and the
 * figures a publisher reads beside it.
 *
 * @param rendition       the media playlist's path in the slot ({@code 720p/index.m3u8}), or the MPD's path, {@code #}
 *                        and the Representation id ({@code manifest.mpd#0})
 * @param format          {@code hls} or {@code dash}
 * @param lastSequence    the newest media sequence (HLS) or segment number (DASH), or {@code null} before the first
 * @param playlistAt      when the playlist or MPD was last uploaded
 * @param missingNow      how many segments the current playlist names that never arrived
 * @param missingTotal    how many named segments never arrived since the node started tracking the rendition
 * @param measuredKbps    the bitrate of the segments of about the last 10 s, or {@code null} when not yet measurable
 * @param declaredKbps    the master playlist's {@code AVERAGE-BANDWIDTH} or {@code BANDWIDTH} (DASH {@code @bandwidth}),
 *                        or {@code null} when nothing declares one
 * @param sequenceResets  how often the media sequence went backwards (an encoder restart)
 * @param discontinuities how many segments followed an {@code EXT-X-DISCONTINUITY}
 */
public record RenditionReport(String slotId, String rendition, String format, RenditionFacts facts,
        RenditionState state, Long lastSequence, Instant playlistAt, int missingNow, long missingTotal,
        Integer measuredKbps, Integer declaredKbps, int sequenceResets, Instant lastResetAt, long discontinuities) {

    /** The longest rendition name stored. */
    public static final int MAX_RENDITION_LENGTH = 255;

    public RenditionReport {
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(rendition, "rendition");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(playlistAt, "playlistAt");
        if (rendition.length() > MAX_RENDITION_LENGTH) {
            throw new IllegalArgumentException("A rendition name is at most " + MAX_RENDITION_LENGTH + " characters");
        }
    }
}
