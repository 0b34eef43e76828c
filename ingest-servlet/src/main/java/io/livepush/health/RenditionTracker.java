package io.livepush.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What this node knows about one rendition, updated with every upload of its playlist or MPD ({@link #update}) and
 * re-judged on a timer ({@link #refresh}). It keeps the segments the newest window names, whether each arrived (one
 * {@code stat} per segment until it is found), the newest sequence, resets and discontinuities, and measures the
 * bitrate from the sizes and durations of the newest {@link #BITRATE_WINDOW} of segments. Synchronised on itself: the
 * health thread writes, the report and metrics threads read.
 */
final class RenditionTracker {

    /** The media time the bitrate is measured over. */
    static final Duration BITRATE_WINDOW = Duration.ofSeconds(10);

    private final RenditionName name;
    private String format = "hls";
    private Duration segmentDuration = Duration.ofSeconds(1);
    private Instant playlistAt;
    private Instant lastSegmentAt;
    private Instant endedAt;
    private Long lastSequence;
    private final NavigableMap<Long, Tracked> window = new TreeMap<>();
    private long missingTotal;
    private int sequenceResets;
    private Instant lastResetAt;
    private long discontinuities;
    private Integer manifestKbps;
    private Integer masterKbps;
    private Integer measuredKbps;
    private Instant offBitrateSince;
    private Instant healthySince;
    private boolean healthy = true;
    private RenditionStatus status;
    private RenditionReport written;
    private Instant writtenAt;

    /** One segment of the window and what is known of its upload. */
    private static final class Tracked {
        final WindowSegment segment;
        final Instant namedAt;
        boolean arrived;
        long bytes = -1;
        Instant missingAt;

        Tracked(WindowSegment segment, Instant namedAt) {
            this.segment = segment;
            this.namedAt = namedAt;
        }
    }

    RenditionTracker(RenditionName name, Instant firstSeenAt) {
        this.name = name;
        this.playlistAt = firstSeenAt;
        this.lastSegmentAt = firstSeenAt;
    }

    RenditionName name() {
        return name;
    }

    /** Takes in a new upload of the rendition's playlist (or MPD) that arrived at {@code at}. */
    synchronized void update(RenditionWindow update, Instant at) {
        judge(at);
        format = update.format();
        playlistAt = at;
        segmentDuration = update.segmentDuration();
        manifestKbps = update.declaredKbps();
        if (!update.segments().isEmpty()) {
            take(update, at);
        }
        endedAt = update.ended() ? (endedAt == null ? at : endedAt) : null;
        checkArrivals(at);
        judge(at);
    }

    private void take(RenditionWindow update, Instant at) {
        long newest = update.segments().get(update.segments().size() - 1).sequence();
        if (lastSequence != null && newest < lastSequence) {
            sequenceResets++;
            lastResetAt = at;
            window.clear();
            lastSequence = null;
        }
        for (WindowSegment segment : update.segments()) {
            if (window.containsKey(segment.sequence())) {
                continue;
            }
            window.put(segment.sequence(), new Tracked(segment, at));
            if (segment.discontinuity() && lastSequence != null && segment.sequence() > lastSequence) {
                discontinuities++;
            }
        }
        window.headMap(update.segments().get(0).sequence(), false).clear();
        if (lastSequence == null || newest > lastSequence) {
            lastSequence = newest;
            lastSegmentAt = at;
        }
    }

    /** Looks again for segments not yet found and re-judges the rendition at {@code now}. */
    synchronized void refresh(Instant now) {
        checkArrivals(now);
        judge(now);
    }

    /** Sets the bitrate a master playlist declares for this rendition, or {@code null}. */
    synchronized void declare(Integer kbps) {
        masterKbps = kbps;
    }

    /** When the playlist was last uploaded. */
    synchronized Instant playlistAt() {
        return playlistAt;
    }

    private void checkArrivals(Instant now) {
        for (Tracked tracked : window.values()) {
            if (tracked.arrived) {
                continue;
            }
            if (tracked.segment.file() == null) {
                tracked.arrived = true;
                continue;
            }
            try {
                tracked.bytes = Files.readAttributes(tracked.segment.file(), BasicFileAttributes.class).size();
                tracked.arrived = true;
            } catch (NoSuchFileException e) {
                if (tracked.missingAt == null && !now.isBefore(tracked.namedAt.plus(segmentDuration))) {
                    tracked.missingAt = now;
                    missingTotal++;
                }
            } catch (IOException e) {
                // Unreadable attributes say nothing about the encoder; look again next time.
            }
        }
        measure(now);
    }

    private void measure(Instant now) {
        long bytes = 0;
        double seconds = 0;
        for (Tracked tracked : window.descendingMap().values()) {
            if (tracked.bytes < 0) {
                continue;
            }
            bytes += tracked.bytes;
            seconds += tracked.segment.duration();
            if (seconds >= BITRATE_WINDOW.toSeconds()) {
                break;
            }
        }
        measuredKbps = seconds > 0 ? (int) Math.min(Integer.MAX_VALUE, Math.round(bytes * 8 / seconds / 1000)) : null;
        Integer declared = declaredKbps();
        boolean off = measuredKbps != null && declared != null && declared > 0
                && RenditionHealthRules.isOffBitrate(measuredKbps * 1000L, declared * 1000L);
        offBitrateSince = off ? (offBitrateSince == null ? now : offBitrateSince) : null;
    }

    private Integer declaredKbps() {
        return masterKbps != null ? masterKbps : manifestKbps;
    }

    private void judge(Instant now) {
        status = RenditionHealthRules.judge(facts(), now);
        if (status.state() != RenditionState.HEALTHY) {
            healthy = false;
            healthySince = null;
        } else if (healthySince == null) {
            healthySince = healthy ? status.since() : now;
            healthy = true;
        }
    }

    private RenditionFacts facts() {
        Instant missingSince = null;
        for (Tracked tracked : window.values()) {
            if (!tracked.arrived && tracked.missingAt != null
                    && (missingSince == null || tracked.missingAt.isBefore(missingSince))) {
                missingSince = tracked.missingAt;
            }
        }
        return new RenditionFacts(segmentDuration, lastSegmentAt, endedAt, missingSince, offBitrateSince,
                healthySince);
    }

    private int missingNow() {
        return (int) window.values().stream().filter(t -> !t.arrived && t.missingAt != null).count();
    }

    /** The report of the rendition as last judged. */
    synchronized RenditionReport report() {
        return new RenditionReport(name.slotId(), name.rendition(), format, facts(), status.state(), lastSequence,
                playlistAt, missingNow(), missingTotal, measuredKbps, declaredKbps(), sequenceResets, lastResetAt,
                discontinuities);
    }

    /** The rendition as last judged, for metrics. */
    synchronized RenditionSnapshot snapshot(Instant now) {
        Duration age = Duration.between(lastSegmentAt, now);
        return new RenditionSnapshot(name.slotId(), name.rendition(), format, status,
                age.isNegative() ? Duration.ZERO : age, measuredKbps, declaredKbps(), missingNow());
    }

    /**
     * The report to store now, or {@code null} when the stored one will do: something changed and either the state
     * changed, {@code interval} passed since the last write, or the stored row would turn Late within {@code margin}
     * although a newer segment arrived.
     */
    synchronized RenditionReport due(Instant now, Duration interval, Duration margin) {
        RenditionReport current = report();
        if (current.equals(written)) {
            return null;
        }
        boolean due = written == null || current.state() != written.state()
                || !now.isBefore(writtenAt.plus(interval))
                || !RenditionHealthRules.lateAt(written.facts()).isAfter(now.plus(margin));
        return due ? current : null;
    }

    /** Notes that {@code report} was stored at {@code at}. */
    synchronized void written(RenditionReport report, Instant at) {
        written = report;
        writtenAt = at;
    }

    /** Segments this tracker follows now (for tests of its bound). */
    synchronized Map<Long, Boolean> arrivals() {
        Map<Long, Boolean> arrivals = new TreeMap<>();
        window.forEach((sequence, tracked) -> arrivals.put(sequence, tracked.arrived));
        return arrivals;
    }
}
