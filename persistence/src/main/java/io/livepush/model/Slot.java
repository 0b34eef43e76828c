package io.livepush.model;

import io.livepush.domain.Region;
import io.livepush.domain.SlotLifecycle;
import io.livepush.domain.SlotType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A slot: one live stream's ingest and playback configuration (SPEC §3). Only services change it; every change that
 * ingest nodes must see moves {@link #getConfigVersion()} forward.
 */
@Entity
@Table(name = "slot")
public class Slot {

    @Id
    @Column(name = "id", nullable = false, updatable = false, length = 32)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "description")
    private String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "slot_type", nullable = false, updatable = false)
    private SlotType type;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "region", nullable = false)
    private Region region;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "primary_pop_id", nullable = false)
    private Pop primaryPop;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "backup_pop_id")
    private Pop backupPop;

    @Column(name = "use_backup_ingest", nullable = false)
    private boolean useBackupIngest;

    @Column(name = "total_kbps", nullable = false)
    private int totalKbps;

    @Column(name = "segment_duration_ms", nullable = false)
    private int segmentDurationMs;

    @Column(name = "file_expiry_seconds", nullable = false)
    private int fileExpirySeconds;

    @Column(name = "low_latency", nullable = false)
    private boolean lowLatency;

    @Column(name = "viewer_default_action", nullable = false)
    private String viewerDefaultAction;

    @Embedded
    private MediaVaultColumns mediaVault;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "lifecycle", nullable = false)
    private SlotLifecycle lifecycle;

    @Column(name = "config_version", nullable = false)
    private long configVersion;

    @Column(name = "provision_requested_at", nullable = false)
    private Instant provisionRequestedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @OneToMany(mappedBy = "slot", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("username")
    private List<PublishCredential> credentials = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "publish_cidr", joinColumns = @JoinColumn(name = "slot_id"))
    @OrderColumn(name = "position")
    @Column(name = "cidr", nullable = false)
    private List<String> publishCidrs = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "viewer_rule", joinColumns = @JoinColumn(name = "slot_id"))
    @OrderColumn(name = "position")
    private List<ViewerRuleEntry> viewerRules = new ArrayList<>();

    protected Slot() {
    }

    public Slot(String id, Account account, String name, SlotType type, Instant createdAt) {
        this.id = id;
        this.account = account;
        this.name = name;
        this.nameKey = name.toLowerCase(Locale.ROOT);
        this.type = type;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.provisionRequestedAt = createdAt;
        this.lifecycle = SlotLifecycle.ACTIVE;
    }

    public String getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public SlotType getType() {
        return type;
    }

    public Region getRegion() {
        return region;
    }

    public Pop getPrimaryPop() {
        return primaryPop;
    }

    public Optional<Pop> getBackupPop() {
        return Optional.ofNullable(backupPop);
    }

    public boolean isUseBackupIngest() {
        return useBackupIngest;
    }

    public int getTotalKbps() {
        return totalKbps;
    }

    public int getSegmentDurationMs() {
        return segmentDurationMs;
    }

    public int getFileExpirySeconds() {
        return fileExpirySeconds;
    }

    public boolean isLowLatency() {
        return lowLatency;
    }

    public String getViewerDefaultAction() {
        return viewerDefaultAction;
    }

    public MediaVaultColumns getMediaVault() {
        return mediaVault;
    }

    public SlotLifecycle getLifecycle() {
        return lifecycle;
    }

    public long getConfigVersion() {
        return configVersion;
    }

    public Instant getProvisionRequestedAt() {
        return provisionRequestedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Optional<Instant> getDeletedAt() {
        return Optional.ofNullable(deletedAt);
    }

    public List<PublishCredential> getCredentials() {
        return List.copyOf(credentials);
    }

    public List<String> getPublishCidrs() {
        return List.copyOf(publishCidrs);
    }

    public List<ViewerRuleEntry> getViewerRules() {
        return List.copyOf(viewerRules);
    }

    /** The settings an edit may change, as they are now (what a clone starts from). */
    public SlotSettings settings() {
        return new SlotSettings(description, region, primaryPop, backupPop, useBackupIngest, totalKbps,
                segmentDurationMs, fileExpirySeconds, lowLatency, viewerDefaultAction, mediaVault, publishCidrs,
                viewerRules);
    }

    /** Replaces every setting an edit may change (SPEC §3: everything but ID, name and type). */
    public void configure(SlotSettings settings) {
        this.description = settings.description();
        this.region = settings.region();
        this.primaryPop = settings.primaryPop();
        this.backupPop = settings.backupPop();
        this.useBackupIngest = settings.useBackupIngest();
        this.totalKbps = settings.totalKbps();
        this.segmentDurationMs = settings.segmentDurationMs();
        this.fileExpirySeconds = settings.fileExpirySeconds();
        this.lowLatency = settings.lowLatency();
        this.viewerDefaultAction = settings.viewerDefaultAction();
        this.mediaVault = settings.mediaVault();
        this.publishCidrs.clear();
        this.publishCidrs.addAll(settings.publishCidrs());
        this.viewerRules.clear();
        this.viewerRules.addAll(settings.viewerRules());
    }

    public PublishCredential addCredential(String username, String passwordHash, Instant now) {
        PublishCredential credential = new PublishCredential(this, username, passwordHash, now);
        credentials.add(credential);
        return credential;
    }

    /** Removes the credential named {@code username}; returns whether there was one. */
    public boolean removeCredential(String username) {
        return credentials.removeIf(credential -> credential.getUsername().equals(username));
    }

    public void clearCredentials() {
        credentials.clear();
    }

    /** Records a change that ingest nodes must load: a new config version and a new provisioning deadline. */
    public void touch(long version, Instant now) {
        this.configVersion = version;
        this.updatedAt = now;
        this.provisionRequestedAt = now;
    }

    /** Starts deleting: ingest and playback stop once nodes load this version; the name stays taken until purged. */
    public void markDeleting(long version, Instant now) {
        this.lifecycle = SlotLifecycle.DELETING;
        this.deletedAt = now;
        touch(version, now);
    }

    /** Ends deleting: the files are gone, the row stays as a tombstone and the name is free again. */
    public void markDeleted(long version, Instant now) {
        this.lifecycle = SlotLifecycle.DELETED;
        this.nameKey = null;
        this.configVersion = version;
        this.updatedAt = now;
    }
}
