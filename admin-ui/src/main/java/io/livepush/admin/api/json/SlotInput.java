package io.livepush.admin.api.json;

import java.util.List;

/**
 * A slot as sent to {@code POST /slots} (every field) or {@code PUT /slots/{name}} (name, type and credentials are
 * ignored; a missing {@code mediaVault} or {@code lowLatency} keeps the stored setting). Enum values use the API spelling:
 * {@code live-push}, {@code north-america}, {@code allow}.
 */
public record SlotInput(String name, String description, String type, String region, Long primaryPopId,
        Long backupPopId, Boolean useBackupIngest, Integer totalKbps, Integer segmentDurationMs,
        Integer fileExpirySeconds, Boolean lowLatency, List<CredentialInput> credentials, List<String> publishCidrs,
        List<ViewerRuleJson> viewerRules, String viewerDefault, MediaVaultInputJson mediaVault) {
}
