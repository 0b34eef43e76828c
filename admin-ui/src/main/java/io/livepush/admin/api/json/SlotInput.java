package io.livepush.admin.api.json;

import java.util.List;

/**
 * A slot as sent to {@code POST /slots} (every field) or {@code PUT /slots/{name}} (name, type and credentials are
 * ignored; a missing {@code mediaVault} keeps the stored settings). Enum values use the API spelling:
 * {@code live-push}, {@code north-america}, {@code allow}.
 */
public record SlotInput(String name, String description, String type, String region, Long primaryPopId,
        Long backupPopId, Boolean useBackupIngest, Integer totalKbps, Integer segmentDurationMs,
        Integer fileExpirySeconds, List<CredentialInput> credentials, List<String> publishCidrs,
        List<ViewerRuleJson> viewerRules, String viewerDefault, MediaVaultInputJson mediaVault) {
}
