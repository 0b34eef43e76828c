package io.livepush.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** What one ingest node last reported about one slot's publishing (SPEC §7). */
@Entity
@Table(name = "slot_ingest_stats")
@IdClass(NodeSlotKey.class)
public class SlotIngestStats {

    @Id
    @Column(name = "node_id", nullable = false)
    private String nodeId;

    @Id
    @Column(name = "slot_id", nullable = false)
    private String slotId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_put_at")
    private Instant lastPutAt;

    @Column(name = "bitrate_kbps", nullable = false)
    private int bitrateKbps;

    @Column(name = "over_bitrate", nullable = false)
    private boolean overBitrate;

    @Column(name = "requests_last_minute", nullable = false)
    private String requestsLastMinute;

    @Column(name = "bytes_last_minute", nullable = false)
    private long bytesLastMinute;

    @Column(name = "requests_last_hour", nullable = false)
    private String requestsLastHour;

    @Column(name = "bytes_last_hour", nullable = false)
    private long bytesLastHour;

    @Column(name = "auth_failures_last_minute", nullable = false)
    private int authFailuresLastMinute;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_error_at")
    private Instant lastErrorAt;

    protected SlotIngestStats() {
    }

    public SlotIngestStats(String nodeId, String slotId) {
        this.nodeId = nodeId;
        this.slotId = slotId;
    }

    /** Replaces every figure with a new report. */
    public void update(Instant updatedAt, Instant lastPutAt, int bitrateKbps, boolean overBitrate,
            String requestsLastMinute, long bytesLastMinute, String requestsLastHour, long bytesLastHour,
            int authFailuresLastMinute, String lastError, Instant lastErrorAt) {
        this.updatedAt = updatedAt;
        this.lastPutAt = lastPutAt;
        this.bitrateKbps = bitrateKbps;
        this.overBitrate = overBitrate;
        this.requestsLastMinute = requestsLastMinute;
        this.bytesLastMinute = bytesLastMinute;
        this.requestsLastHour = requestsLastHour;
        this.bytesLastHour = bytesLastHour;
        this.authFailuresLastMinute = authFailuresLastMinute;
        this.lastError = lastError;
        this.lastErrorAt = lastErrorAt;
    }

    public String getNodeId() {
        return nodeId;
    }

    public String getSlotId() {
        return slotId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getLastPutAt() {
        return lastPutAt;
    }

    public int getBitrateKbps() {
        return bitrateKbps;
    }

    public boolean isOverBitrate() {
        return overBitrate;
    }

    public String getRequestsLastMinute() {
        return requestsLastMinute;
    }

    public long getBytesLastMinute() {
        return bytesLastMinute;
    }

    public String getRequestsLastHour() {
        return requestsLastHour;
    }

    public long getBytesLastHour() {
        return bytesLastHour;
    }

    public int getAuthFailuresLastMinute() {
        return authFailuresLastMinute;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getLastErrorAt() {
        return lastErrorAt;
    }
}
