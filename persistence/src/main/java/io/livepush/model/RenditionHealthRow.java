package io.livepush.model;

import io.livepush.health.RenditionFacts;
import io.livepush.health.RenditionHealth;
import io.livepush.health.RenditionHealthRules;
import io.livepush.health.RenditionReport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** What one ingest node last reported about one rendition of one slot (SPEC §7 encoder health). */
@Entity
@Table(name = "rendition_health")
@IdClass(RenditionKey.class)
public class RenditionHealthRow {

    @Id
    @Column(name = "node_id", nullable = false)
    private String nodeId;

    @Id
    @Column(name = "slot_id", nullable = false)
    private String slotId;

    @Id
    @Column(name = "rendition", nullable = false)
    private String rendition;

    @Column(name = "format", nullable = false)
    private String format;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "state", nullable = false)
    private String state;

    @Column(name = "segment_duration_ms", nullable = false)
    private int segmentDurationMs;

    @Column(name = "last_sequence")
    private Long lastSequence;

    @Column(name = "last_segment_at", nullable = false)
    private Instant lastSegmentAt;

    @Column(name = "playlist_at", nullable = false)
    private Instant playlistAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "missing_since")
    private Instant missingSince;

    @Column(name = "missing_now", nullable = false)
    private int missingNow;

    @Column(name = "missing_total", nullable = false)
    private long missingTotal;

    @Column(name = "off_bitrate_since")
    private Instant offBitrateSince;

    @Column(name = "measured_kbps")
    private Integer measuredKbps;

    @Column(name = "declared_kbps")
    private Integer declaredKbps;

    @Column(name = "sequence_resets", nullable = false)
    private int sequenceResets;

    @Column(name = "last_reset_at")
    private Instant lastResetAt;

    @Column(name = "discontinuities", nullable = false)
    private long discontinuities;

    @Column(name = "healthy_since")
    private Instant healthySince;

    protected RenditionHealthRow() {
    }

    public RenditionHealthRow(String nodeId, String slotId, String rendition) {
        this.nodeId = nodeId;
        this.slotId = slotId;
        this.rendition = rendition;
    }

    /** Replaces every figure with a new report. */
    public void update(Instant now, RenditionReport report) {
        RenditionFacts facts = report.facts();
        updatedAt = now;
        format = report.format();
        state = report.state().label();
        segmentDurationMs = (int) Math.min(Integer.MAX_VALUE, facts.segmentDuration().toMillis());
        lastSequence = report.lastSequence();
        lastSegmentAt = facts.lastSegmentAt();
        playlistAt = report.playlistAt();
        endedAt = facts.endedAt();
        missingSince = facts.missingSince();
        missingNow = report.missingNow();
        missingTotal = report.missingTotal();
        offBitrateSince = facts.offBitrateSince();
        measuredKbps = report.measuredKbps();
        declaredKbps = report.declaredKbps();
        sequenceResets = report.sequenceResets();
        lastResetAt = report.lastResetAt();
        discontinuities = report.discontinuities();
        healthySince = facts.healthySince();
    }

    /** The rendition's health judged at {@code now} from the stored facts. */
    public RenditionHealth judge(Instant now) {
        Duration segmentDuration = Duration.ofMillis(Math.max(1, segmentDurationMs));
        RenditionFacts facts = new RenditionFacts(segmentDuration, lastSegmentAt, endedAt, missingSince,
                offBitrateSince, healthySince);
        return new RenditionHealth(nodeId, rendition, format, RenditionHealthRules.judge(facts, now), lastSequence,
                lastSegmentAt, age(lastSegmentAt, now), playlistAt, age(playlistAt, now), segmentDuration,
                measuredKbps, declaredKbps, missingNow, missingTotal, sequenceResets, lastResetAt, discontinuities,
                updatedAt);
    }

    private static Duration age(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    public String getSlotId() {
        return slotId;
    }

    public String getRendition() {
        return rendition;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
