package io.livepush.admin.api.json;

import java.util.List;

/** A slot with every setting, as {@code GET /slots/{name}} returns it. Holds no password and no secret. */
public record SlotJson(String id, String account, String name, String description, String type, String region,
        PopJson primaryPop, PopJson backupPop, boolean useBackupIngest, int totalKbps, int segmentDurationMs,
        int fileExpirySeconds, boolean lowLatency, List<CredentialJson> credentials, List<String> publishCidrs,
        List<ViewerRuleJson> viewerRules, String viewerDefault, MediaVaultJson mediaVault, String status,
        String statusReason, SlotUrlsJson urls, String createdAt, String updatedAt) {
}
