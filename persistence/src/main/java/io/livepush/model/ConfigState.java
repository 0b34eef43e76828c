package io.livepush.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row holding the configuration version ingest nodes poll. Services lock it (pessimistic write) for every
 * slot change, so versions are handed out and committed in the same order.
 */
@Entity
@Table(name = "config_state")
public class ConfigState {

    /** The id of the only row. */
    public static final byte ROW_ID = 1;

    @Id
    private Byte id;

    @Column(name = "version", nullable = false)
    private long version;

    protected ConfigState() {
    }

    public long getVersion() {
        return version;
    }

    /** Moves to the next version and returns it. */
    public long advance() {
        version++;
        return version;
    }
}
