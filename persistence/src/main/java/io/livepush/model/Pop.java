package io.livepush.model;

import io.livepush.domain.Region;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A point of presence: where ingest nodes run, with the base URLs encoders and viewers use (SPEC §3). */
@Entity
@Table(name = "pop")
public class Pop {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "region", nullable = false)
    private Region region;

    @Column(name = "ingest_base_url", nullable = false)
    private String ingestBaseUrl;

    @Column(name = "playback_base_url", nullable = false)
    private String playbackBaseUrl;

    @Column(name = "playback_https_base_url")
    private String playbackHttpsBaseUrl;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Pop() {
    }

    public Pop(String name, Region region, String ingestBaseUrl, String playbackBaseUrl, Instant createdAt) {
        this.name = name;
        this.region = region;
        this.ingestBaseUrl = ingestBaseUrl;
        this.playbackBaseUrl = playbackBaseUrl;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Region getRegion() {
        return region;
    }

    public void setRegion(Region region) {
        this.region = region;
    }

    public String getIngestBaseUrl() {
        return ingestBaseUrl;
    }

    public void setIngestBaseUrl(String ingestBaseUrl) {
        this.ingestBaseUrl = ingestBaseUrl;
    }

    public String getPlaybackBaseUrl() {
        return playbackBaseUrl;
    }

    public void setPlaybackBaseUrl(String playbackBaseUrl) {
        this.playbackBaseUrl = playbackBaseUrl;
    }

    /** The HTTPS playback base URL, or {@code null} when the PoP has none of its own. */
    public String getPlaybackHttpsBaseUrl() {
        return playbackHttpsBaseUrl;
    }

    public void setPlaybackHttpsBaseUrl(String playbackHttpsBaseUrl) {
        this.playbackHttpsBaseUrl = playbackHttpsBaseUrl;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
