package io.livepush.health;

import java.nio.file.Path;

/**
 * One segment a playlist or MPD names.
 *
 * @param sequence      its media sequence number (HLS) or segment number (DASH)
 * @param file          where it is stored on this node, or {@code null} when the name points elsewhere (another host,
 *                      outside the slot), so its arrival cannot be checked
 * @param duration      its duration in seconds
 * @param discontinuity whether an {@code EXT-X-DISCONTINUITY} precedes it
 */
record WindowSegment(long sequence, Path file, double duration, boolean discontinuity) {
}
