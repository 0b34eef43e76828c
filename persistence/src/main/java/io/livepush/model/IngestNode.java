package io.livepush.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An ingest node's heartbeat: which PoP it serves, which configuration version it has loaded, when it was last seen
 * and the node-wide error it reports (for example an unwritable storage root). Slot provisioning is derived from these.
 */
@Entity
@Table(name = "ingest_node")
public class IngestNode {

    @Id
    @Column(name = "node_id", nullable = false, updatable = false)
    private String nodeId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pop_id", nullable = false)
    private Pop pop;

    @Column(name = "config_version", nullable = false)
    private long configVersion;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "error")
    private String error;

    protected IngestNode() {
    }

    public IngestNode(String nodeId, Pop pop, Instant startedAt) {
        this.nodeId = nodeId;
        this.pop = pop;
        this.startedAt = startedAt;
        this.lastSeen = startedAt;
    }

    public String getNodeId() {
        return nodeId;
    }

    public Pop getPop() {
        return pop;
    }

    public long getConfigVersion() {
        return configVersion;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public Optional<String> getError() {
        return Optional.ofNullable(error);
    }

    /** Records one heartbeat. */
    public void beat(Pop pop, long configVersion, String error, Instant now) {
        this.pop = pop;
        this.configVersion = configVersion;
        this.error = error;
        this.lastSeen = now;
    }
}
