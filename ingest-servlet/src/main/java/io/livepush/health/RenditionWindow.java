package io.livepush.health;

import java.time.Duration;
import java.util.List;

/**
 * What one upload of a media playlist, or one Representation of an uploaded MPD, says about a rendition: the same
 * shape for HLS and DASH, so one {@link RenditionTracker} follows both.
 *
 * @param format          {@code hls} or {@code dash}
 * @param segmentDuration the nominal segment duration (HLS target duration, DASH segment duration); positive
 * @param segments        the segments named, oldest first
 * @param ended           whether the encoder ended the stream ({@code EXT-X-ENDLIST}, {@code type="static"})
 * @param declaredKbps    the bitrate the manifest itself declares (DASH {@code @bandwidth}), or {@code null}
 */
record RenditionWindow(String format, Duration segmentDuration, List<WindowSegment> segments, boolean ended,
        Integer declaredKbps) {

    RenditionWindow {
        segments = List.copyOf(segments);
    }
}
