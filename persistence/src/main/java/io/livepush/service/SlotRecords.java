package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.model.IngestNode;
import io.livepush.model.IngestNodeSlotError;
import io.livepush.model.MediaVaultColumns;
import io.livepush.model.Pop;
import io.livepush.model.Slot;
import io.livepush.net.AddressRule;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.store.DatabaseOutages;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns slot entities into the records services return, with their provisioning status derived on the way. */
final class SlotRecords {

    private SlotRecords() {
    }

    static PopRecord pop(Pop pop) {
        return new PopRecord(pop.getId(), pop.getName(), pop.getRegion(), pop.getIngestBaseUrl(),
                pop.getPlaybackBaseUrl(), pop.getPlaybackHttpsBaseUrl());
    }

    /** The verdict as {@code actor} may read it: no server path in an account admin's reason ({@link ServerPaths}). */
    static Provisioning.Verdict shownTo(Actor actor, Provisioning.Verdict verdict) {
        return new Provisioning.Verdict(verdict.status(), ServerPaths.shownTo(actor, verdict.reason()));
    }

    static SlotRecord full(Slot slot, Provisioning.Verdict verdict) {
        MediaVaultColumns mv = slot.getMediaVault();
        return new SlotRecord(slot.getId(), slot.getAccount().getShortname(), slot.getName(), slot.getDescription(),
                slot.getType(), slot.getRegion(), pop(slot.getPrimaryPop()),
                slot.getBackupPop().map(SlotRecords::pop).orElse(null), slot.isUseBackupIngest(),
                slot.getTotalKbps(), slot.getSegmentDurationMs(), slot.getFileExpirySeconds(),
                slot.isLowLatency(), slot.getCredentials().stream()
                        .map(credential -> new CredentialRecord(credential.getUsername(), credential.getCreatedAt()))
                        .sorted(Comparator.comparing(CredentialRecord::username))
                        .toList(),
                slot.getPublishCidrs(),
                slot.getViewerRules().stream()
                        .map(rule -> new ViewerRule(AddressRule.Action.valueOf(rule.getAction()), rule.getCidr()))
                        .toList(),
                AddressRule.Action.valueOf(slot.getViewerDefaultAction()),
                new MediaVaultView(MediaVaultMode.valueOf(mv.getMode()), mv.getPrimarySecret() != null,
                        mv.getSecondarySecret() != null, mv.getDenyStatus(), mv.isPathBased(), mv.getPathToken(),
                        mv.getPathDelim(), mv.isStrictReferrer(), mv.getClockSkewSeconds()),
                verdict.status(), verdict.reason(), slot.getCreatedAt(), slot.getUpdatedAt());
    }

    static SlotSummary summary(Slot slot, Provisioning.Verdict verdict, LiveActivity activity) {
        return new SlotSummary(slot.getId(), slot.getAccount().getShortname(), slot.getName(), slot.getType(),
                slot.getRegion(), slot.getPrimaryPop().getName(), slot.getTotalKbps(), slot.getSegmentDurationMs(),
                verdict.status(), verdict.reason(), activity, slot.getCreatedAt());
    }

    /**
     * Derives the provisioning status of each slot with two queries, however many slots there are.
     *
     * @param outages  what this process saw of database outages, which decides which heartbeats count as live
     * @param timeouts the limits of provisioning and of a node's silence
     */
    static Map<String, Provisioning.Verdict> statuses(EntityManager em, List<Slot> slots, Instant now,
            DatabaseOutages outages, ProvisioningTimeouts timeouts) {
        Duration silence = timeouts.nodeSilence();
        Instant aliveSince = Provisioning.aliveSince(now, outages.recentOutageStart(now, silence), silence);
        Map<String, Provisioning.Verdict> verdicts = new HashMap<>();
        if (slots.isEmpty()) {
            return verdicts;
        }
        List<Provisioning.NodeState> nodes = em.createQuery("select n from IngestNode n", IngestNode.class)
                .getResultStream()
                .map(node -> new Provisioning.NodeState(node.getNodeId(), node.getPop().getId(),
                        node.getConfigVersion(), node.getLastSeen(), node.getError().orElse(null)))
                .toList();
        Map<String, Map<String, String>> errors = new HashMap<>();
        em.createQuery("select e from IngestNodeSlotError e where e.slotId in :ids", IngestNodeSlotError.class)
                .setParameter("ids", slots.stream().map(Slot::getId).toList())
                .getResultStream()
                .forEach(error -> errors.computeIfAbsent(error.getSlotId(), id -> new HashMap<>())
                        .put(error.getNodeId(), error.getMessage()));
        for (Slot slot : slots) {
            verdicts.put(slot.getId(), Provisioning.status(facts(slot), nodes,
                    errors.getOrDefault(slot.getId(), Map.of()), now, aliveSince, timeouts));
        }
        return verdicts;
    }

    static Provisioning.SlotFacts facts(Slot slot) {
        List<Provisioning.PopRef> pops = new ArrayList<>();
        pops.add(new Provisioning.PopRef(slot.getPrimaryPop().getId(), slot.getPrimaryPop().getName()));
        if (slot.isUseBackupIngest()) {
            slot.getBackupPop().ifPresent(pop -> pops.add(new Provisioning.PopRef(pop.getId(), pop.getName())));
        }
        return new Provisioning.SlotFacts(slot.getId(), slot.getLifecycle(), slot.getConfigVersion(),
                slot.getProvisionRequestedAt(), pops);
    }
}
