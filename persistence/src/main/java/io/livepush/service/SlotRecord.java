package io.livepush.service;

import io.livepush.domain.ProvisioningStatus;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.net.AddressRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A slot with every setting, as the Details view and the API show it. It holds no password and no secret.
 *
 * @param backupPop    {@code null} when the slot has none
 * @param statusReason why the status is {@code Error} or {@code Not_Provisioned}; {@code null} otherwise
 */
public record SlotRecord(String id, String shortname, String name, String description, SlotType type, Region region,
        PopRecord primaryPop, PopRecord backupPop, boolean useBackupIngest, int totalKbps, int segmentDurationMs,
        int fileExpirySeconds, boolean lowLatency, List<CredentialRecord> credentials, List<String> publishCidrs,
        List<ViewerRule> viewerRules, AddressRule.Action viewerDefault, MediaVaultView mediaVault,
        ProvisioningStatus status, String statusReason, Instant createdAt, Instant updatedAt) {

    public SlotRecord {
        credentials = List.copyOf(credentials);
        publishCidrs = List.copyOf(publishCidrs);
        viewerRules = List.copyOf(viewerRules);
    }

    /** Where encoders publish to the primary PoP: {@code {ingestBaseUrl}/push/{shortname}/{slot}/}. */
    public String primaryIngestUrl() {
        return SlotUrls.ingest(primaryPop, shortname, name);
    }

    /** Where encoders publish to the backup PoP, when backup ingest is on. */
    public Optional<String> backupIngestUrl() {
        return useBackupIngest && backupPop != null
                ? Optional.of(SlotUrls.ingest(backupPop, shortname, name)) : Optional.empty();
    }

    /**
     * The playback base URL over plain HTTP, when the primary PoP offers one; the encoder's manifest path is
     * appended to it.
     */
    public Optional<String> playbackHttpUrl() {
        return SlotUrls.playback(primaryPop, shortname, name, "http");
    }

    /**
     * The playback base URL over HTTPS, when the primary PoP offers one: its HTTPS playback base, or one derived as
     * {@link SlotUrls} explains; the encoder's manifest path is appended to it.
     */
    public Optional<String> playbackHttpsUrl() {
        return SlotUrls.playback(primaryPop, shortname, name, "https");
    }

    /**
     * A playback base URL for a page loaded over HTTPS ({@code secure}) or HTTP: the same scheme when the PoP offers
     * it (a browser blocks HTTP media on an HTTPS page), otherwise the other one. The PoP always offers one.
     */
    public String playbackUrl(boolean secure) {
        Optional<String> same = secure ? playbackHttpsUrl() : playbackHttpUrl();
        return same.or(secure ? this::playbackHttpUrl : this::playbackHttpsUrl).orElseThrow();
    }
}
