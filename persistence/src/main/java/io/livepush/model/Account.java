package io.livepush.model;

import io.livepush.domain.SlotType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.annotations.MapKeyJdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer: owns slots and holds entitlements per slot type plus a Live Push bitrate capacity (SPEC §2). */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "shortname", nullable = false, updatable = false)
    private String shortname;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "live_push_kbps", nullable = false)
    private int livePushKbps;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_entitlement", joinColumns = @JoinColumn(name = "account_id"))
    @MapKeyColumn(name = "slot_type")
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyJdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "slot_count", nullable = false)
    private Map<SlotType, Integer> entitlements = new HashMap<>();

    protected Account() {
    }

    public Account(String shortname, String displayName, int livePushKbps, Instant createdAt) {
        this.shortname = shortname;
        this.displayName = displayName;
        this.livePushKbps = livePushKbps;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getShortname() {
        return shortname;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public int getLivePushKbps() {
        return livePushKbps;
    }

    public void setLivePushKbps(int livePushKbps) {
        this.livePushKbps = livePushKbps;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The purchased slot count per type; a type that is missing means none. */
    public Map<SlotType, Integer> getEntitlements() {
        Map<SlotType, Integer> copy = new EnumMap<>(SlotType.class);
        copy.putAll(entitlements);
        return copy;
    }

    public void setEntitlements(Map<SlotType, Integer> counts) {
        entitlements.clear();
        counts.forEach((type, count) -> {
            if (count > 0) {
                entitlements.put(type, count);
            }
        });
    }

    public int entitlement(SlotType type) {
        return entitlements.getOrDefault(type, 0);
    }
}
