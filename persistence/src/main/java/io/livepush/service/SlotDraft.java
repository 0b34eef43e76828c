package io.livepush.service;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.net.AddressRule;
import java.util.List;

/**
 * A slot's settings as typed in the Create or Edit form or sent to the API (SPEC §3).
 * <p>
 * On create every field counts. On edit {@code name}, {@code type} and {@code credentials} are ignored: the name and
 * type never change, and credentials are added and removed one at a time.
 *
 * @param backupPopId     {@code null} for none; required when {@code useBackupIngest} is set
 * @param publishCidrs    addresses or CIDR blocks encoders may publish from; empty means any address
 * @param viewerRules     ordered allow/deny rules for viewers; the first match wins
 * @param viewerDefault   what happens to a viewer no rule matches
 * @param lowLatency      serve objects while they upload and LL-HLS playlists (issue 12); off by default
 */
public record SlotDraft(String name, String description, SlotType type, Region region, Long primaryPopId,
        Long backupPopId, boolean useBackupIngest, int totalKbps, int segmentDurationMs, int fileExpirySeconds,
        boolean lowLatency, List<NewCredential> credentials, List<String> publishCidrs, List<ViewerRule> viewerRules,
        AddressRule.Action viewerDefault, MediaVaultInput mediaVault) {

    public SlotDraft {
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
        publishCidrs = publishCidrs == null ? List.of() : List.copyOf(publishCidrs);
        viewerRules = viewerRules == null ? List.of() : List.copyOf(viewerRules);
        viewerDefault = viewerDefault == null ? AddressRule.Action.ALLOW : viewerDefault;
        mediaVault = mediaVault == null ? MediaVaultInput.disabled() : mediaVault;
    }
}
