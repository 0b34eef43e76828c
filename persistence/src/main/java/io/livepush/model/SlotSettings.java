package io.livepush.model;

import io.livepush.domain.Region;
import java.util.List;

/**
 * Every slot setting an edit can change, already validated and resolved to entities by the service.
 *
 * @param backupPop {@code null} when the slot has none
 */
public record SlotSettings(String description, Region region, Pop primaryPop, Pop backupPop, boolean useBackupIngest,
        int totalKbps, int segmentDurationMs, int fileExpirySeconds, boolean lowLatency, String viewerDefaultAction,
        MediaVaultColumns mediaVault, List<String> publishCidrs, List<ViewerRuleEntry> viewerRules) {

    public SlotSettings {
        publishCidrs = List.copyOf(publishCidrs);
        viewerRules = List.copyOf(viewerRules);
    }
}
