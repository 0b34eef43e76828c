package io.livepush.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A problem one ingest node has with one slot (for example: its storage directory could not be created). */
@Entity
@Table(name = "ingest_node_slot_error")
@IdClass(NodeSlotKey.class)
public class IngestNodeSlotError {

    @Id
    @Column(name = "node_id", nullable = false)
    private String nodeId;

    @Id
    @Column(name = "slot_id", nullable = false)
    private String slotId;

    @Column(name = "message", nullable = false)
    private String message;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    protected IngestNodeSlotError() {
    }

    public IngestNodeSlotError(String nodeId, String slotId, String message, Instant reportedAt) {
        this.nodeId = nodeId;
        this.slotId = slotId;
        this.message = message;
        this.reportedAt = reportedAt;
    }

    public String getNodeId() {
        return nodeId;
    }

    public String getSlotId() {
        return slotId;
    }

    public String getMessage() {
        return message;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }
}
