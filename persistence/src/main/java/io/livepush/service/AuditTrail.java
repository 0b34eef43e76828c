package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.model.MediaVaultColumns;
import io.livepush.model.Slot;
import io.livepush.model.SlotAudit;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a slot's history. A change is described field by field ({@code totalKbps: 3000 → 5000}); secrets appear only
 * as {@code set}, {@code changed} or {@code removed}, never with their value.
 */
final class AuditTrail {

    private static final Set<String> SECRET_FIELDS = Set.of("mediaVault.primarySecret", "mediaVault.secondarySecret");

    private AuditTrail() {
    }

    /** The slot's auditable settings by field name; secrets are included to detect changes and never written out. */
    static Map<String, String> snapshot(Slot slot) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("description", slot.getDescription());
        fields.put("region", slot.getRegion() == null ? null : slot.getRegion().apiValue());
        fields.put("primaryPop", slot.getPrimaryPop() == null ? null : slot.getPrimaryPop().getName());
        fields.put("backupPop", slot.getBackupPop().map(pop -> pop.getName()).orElse(null));
        fields.put("useBackupIngest", String.valueOf(slot.isUseBackupIngest()));
        fields.put("totalKbps", String.valueOf(slot.getTotalKbps()));
        fields.put("segmentDurationMs", String.valueOf(slot.getSegmentDurationMs()));
        fields.put("fileExpirySeconds", String.valueOf(slot.getFileExpirySeconds()));
        fields.put("lowLatency", String.valueOf(slot.isLowLatency()));
        fields.put("publishCidrs", String.valueOf(slot.getPublishCidrs()));
        fields.put("viewerRules", slot.getViewerRules().stream()
                .map(rule -> rule.getAction().toLowerCase(Locale.ROOT) + " " + rule.getCidr()).toList().toString());
        fields.put("viewerDefault", slot.getViewerDefaultAction());
        MediaVaultColumns mv = slot.getMediaVault();
        if (mv != null) {
            fields.put("mediaVault.mode", mv.getMode());
            fields.put("mediaVault.primarySecret", mv.getPrimarySecret());
            fields.put("mediaVault.secondarySecret", mv.getSecondarySecret());
            fields.put("mediaVault.denyStatus", String.valueOf(mv.getDenyStatus()));
            fields.put("mediaVault.pathBased", String.valueOf(mv.isPathBased()));
            fields.put("mediaVault.pathToken", mv.getPathToken());
            fields.put("mediaVault.pathDelim", mv.getPathDelim());
            fields.put("mediaVault.strictReferrer", String.valueOf(mv.isStrictReferrer()));
            fields.put("mediaVault.clockSkewSeconds", String.valueOf(mv.getClockSkewSeconds()));
        }
        return fields;
    }

    /** One line per field that differs between the two snapshots. */
    static String describe(Map<String, String> before, Map<String, String> after) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> entry : after.entrySet()) {
            String field = entry.getKey();
            String old = before.get(field);
            String now = entry.getValue();
            if (Objects.equals(old, now)) {
                continue;
            }
            if (SECRET_FIELDS.contains(field)) {
                lines.add(field + ": " + (old == null ? "set" : now == null ? "removed" : "changed"));
            } else {
                lines.add(field + ": " + display(old) + " → " + display(now));
            }
        }
        return String.join("\n", lines);
    }

    static void record(EntityManager em, Slot slot, Actor actor, String action, String changes, Instant now) {
        em.persist(new SlotAudit(slot.getId(), slot.getAccount().getId(), actor.username(), now, action, changes));
    }

    private static String display(String value) {
        return value == null ? "(none)" : value;
    }
}
