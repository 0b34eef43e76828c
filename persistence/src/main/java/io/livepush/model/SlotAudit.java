package io.livepush.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a slot's history: who did what, and when. {@link #getChanges()} never holds a secret. */
@Entity
@Table(name = "slot_audit")
public class SlotAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "slot_id", nullable = false, updatable = false)
    private String slotId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;

    @Column(name = "action", nullable = false, updatable = false)
    private String action;

    @Column(name = "changes", nullable = false, updatable = false, columnDefinition = "TEXT")
    private String changes;

    protected SlotAudit() {
    }

    public SlotAudit(String slotId, long accountId, String actor, Instant at, String action, String changes) {
        this.slotId = slotId;
        this.accountId = accountId;
        this.actor = actor;
        this.at = at;
        this.action = action;
        this.changes = changes;
    }

    public Long getId() {
        return id;
    }

    public String getSlotId() {
        return slotId;
    }

    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }

    public String getAction() {
        return action;
    }

    public String getChanges() {
        return changes;
    }
}
