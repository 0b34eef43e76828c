package io.livepush.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A slot's stored MediaVault settings (reference/mediavault.md §2). The secrets are kept as given because the origin
 * must recompute digests with them; they never leave the service layer except in the rules handed to ingest nodes.
 */
@Embeddable
public class MediaVaultColumns {

    @Column(name = "mv_mode", nullable = false)
    private String mode;

    @Column(name = "mv_primary_secret")
    private String primarySecret;

    @Column(name = "mv_secondary_secret")
    private String secondarySecret;

    @Column(name = "mv_deny_status", nullable = false)
    private int denyStatus;

    @Column(name = "mv_path_based", nullable = false)
    private boolean pathBased;

    @Column(name = "mv_path_token", nullable = false)
    private String pathToken;

    @Column(name = "mv_path_delim", nullable = false)
    private String pathDelim;

    @Column(name = "mv_strict_referrer", nullable = false)
    private boolean strictReferrer;

    @Column(name = "mv_clock_skew_seconds", nullable = false)
    private int clockSkewSeconds;

    protected MediaVaultColumns() {
    }

    public MediaVaultColumns(String mode, String primarySecret, String secondarySecret, int denyStatus,
            boolean pathBased, String pathToken, String pathDelim, boolean strictReferrer, int clockSkewSeconds) {
        this.mode = mode;
        this.primarySecret = primarySecret;
        this.secondarySecret = secondarySecret;
        this.denyStatus = denyStatus;
        this.pathBased = pathBased;
        this.pathToken = pathToken;
        this.pathDelim = pathDelim;
        this.strictReferrer = strictReferrer;
        this.clockSkewSeconds = clockSkewSeconds;
    }

    public String getMode() {
        return mode;
    }

    public String getPrimarySecret() {
        return primarySecret;
    }

    public String getSecondarySecret() {
        return secondarySecret;
    }

    public int getDenyStatus() {
        return denyStatus;
    }

    public boolean isPathBased() {
        return pathBased;
    }

    public String getPathToken() {
        return pathToken;
    }

    public String getPathDelim() {
        return pathDelim;
    }

    public boolean isStrictReferrer() {
        return strictReferrer;
    }

    public int getClockSkewSeconds() {
        return clockSkewSeconds;
    }
}
