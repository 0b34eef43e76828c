package io.livepush.service;

import io.livepush.domain.SlotLifecycle;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.model.IngestNode;
import io.livepush.model.IngestNodeSlotError;
import io.livepush.model.MediaVaultColumns;
import io.livepush.model.Pop;
import io.livepush.model.PublishCredential;
import io.livepush.model.Slot;
import io.livepush.net.AddressRule;
import io.livepush.net.AddressRules;
import io.livepush.net.CidrBlock;
import io.livepush.store.Database;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ingest nodes' side of the database (SPEC §3, §10): they poll {@link #changesSince(long)} to reload only the slots
 * that changed, and report with {@link #heartbeat(Heartbeat)} which version they have loaded, which is what slot
 * provisioning status is derived from. Any number of nodes can share one database.
 */
public final class NodeService {

    private final Database database;
    private final Clock clock;

    public NodeService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The current config version: a node with this version loaded is up to date. */
    public long currentVersion() {
        return database.inTransaction(ConfigVersions::current);
    }

    /** The rules of every slot changed after {@code version} (all slots for 0), and the version they bring. */
    public RuleChanges changesSince(long version) {
        return database.inTransaction(em -> {
            long current = ConfigVersions.current(em);
            List<SlotRules> changed = em.createQuery("select s from Slot s join fetch s.account"
                            + " join fetch s.primaryPop left join fetch s.backupPop"
                            + " where s.configVersion > :version order by s.configVersion", Slot.class)
                    .setParameter("version", version)
                    .getResultStream()
                    .filter(slot -> slot.getConfigVersion() <= current)
                    .map(NodeService::rules)
                    .toList();
            return new RuleChanges(current, changed);
        });
    }

    /**
     * Records a heartbeat, then finishes the deletion of slots whose files every live node of their PoPs has removed
     * (a node removes a slot's files when it loads the version that deleted it).
     */
    public void heartbeat(Heartbeat beat) {
        Instant now = clock.instant();
        database.runInRepeatableTransaction(em -> {
            Pop pop = em.createQuery("select p from Pop p where p.name = :name", Pop.class)
                    .setParameter("name", beat.popName()).getResultStream().findFirst()
                    .orElseThrow(() -> new NotFoundException("There is no PoP '" + beat.popName() + "'"));
            IngestNode node = em.find(IngestNode.class, beat.nodeId());
            if (node == null) {
                node = new IngestNode(beat.nodeId(), pop, now);
                em.persist(node);
            }
            node.beat(pop, beat.configVersion(), Messages.shorten(beat.error()), now);
            em.createQuery("delete from IngestNodeSlotError e where e.nodeId = :node")
                    .setParameter("node", beat.nodeId()).executeUpdate();
            for (Map.Entry<String, String> error : beat.slotErrors().entrySet()) {
                if (em.find(Slot.class, error.getKey()) != null) {
                    em.persist(new IngestNodeSlotError(beat.nodeId(), error.getKey(),
                            Messages.shorten(error.getValue()), now));
                }
            }
        });
        finishDeletions(now);
    }

    private void finishDeletions(Instant now) {
        database.runInRepeatableTransaction(em -> {
            List<Slot> deleting = em.createQuery("select s from Slot s where s.lifecycle = :deleting", Slot.class)
                    .setParameter("deleting", SlotLifecycle.DELETING).getResultList();
            if (deleting.isEmpty()) {
                return;
            }
            List<Provisioning.NodeState> nodes = em.createQuery("select n from IngestNode n", IngestNode.class)
                    .getResultStream()
                    .map(n -> new Provisioning.NodeState(n.getNodeId(), n.getPop().getId(), n.getConfigVersion(),
                            n.getLastSeen(), n.getError().orElse(null)))
                    .toList();
            long version = 0;
            for (Slot slot : deleting) {
                if (isRemovedEverywhere(slot, nodes, now)) {
                    version = version == 0 ? ConfigVersions.next(em) : version;
                    slot.markDeleted(version, now);
                }
            }
        });
    }

    private static boolean isRemovedEverywhere(Slot slot, List<Provisioning.NodeState> nodes, Instant now) {
        Provisioning.SlotFacts facts = SlotRecords.facts(slot);
        Instant aliveSince = now.minus(ProvisioningTimeouts.STANDARD.nodeSilence());
        List<Provisioning.NodeState> alive = nodes.stream()
                .filter(node -> !node.lastSeen().isBefore(aliveSince))
                .filter(node -> facts.pops().stream().anyMatch(pop -> pop.id() == node.popId()))
                .toList();
        if (alive.isEmpty()) {
            // Nobody is left to remove the files now; a node that starts later removes them when it loads the slots.
            Instant givenUp = slot.getProvisionRequestedAt().plus(ProvisioningTimeouts.STANDARD.provisioning());
            return !now.isBefore(givenUp);
        }
        return alive.stream().allMatch(node -> node.configVersion() >= slot.getConfigVersion());
    }

    static SlotRules rules(Slot slot) {
        List<String> pops = new ArrayList<>();
        pops.add(slot.getPrimaryPop().getName());
        if (slot.isUseBackupIngest()) {
            slot.getBackupPop().ifPresent(pop -> pops.add(pop.getName()));
        }
        Map<String, String> hashes = slot.getCredentials().stream()
                .collect(Collectors.toMap(PublishCredential::getUsername, PublishCredential::getPasswordHash));
        AddressRules publishers = AddressRules.allowOnly(slot.getPublishCidrs().stream().map(CidrBlock::parse)
                .toList());
        AddressRules viewers = AddressRules.of(slot.getViewerRules().stream()
                        .map(rule -> new AddressRule(AddressRule.Action.valueOf(rule.getAction()),
                                CidrBlock.parse(rule.getCidr())))
                        .toList(),
                AddressRule.Action.valueOf(slot.getViewerDefaultAction()));
        MediaVaultColumns mv = slot.getMediaVault();
        MediaVaultSettings mediaVault = new MediaVaultSettings(MediaVaultMode.valueOf(mv.getMode()),
                mv.getPrimarySecret(), mv.getSecondarySecret(), mv.getDenyStatus(), mv.isPathBased(),
                mv.getPathToken(), mv.getPathDelim(), mv.isStrictReferrer(), mv.getClockSkewSeconds());
        return new SlotRules(slot.getId(), slot.getAccount().getShortname(), slot.getName(), slot.getLifecycle(),
                pops, slot.getTotalKbps(), slot.getSegmentDurationMs(), slot.getFileExpirySeconds(),
                slot.isLowLatency(), hashes,
                publishers, viewers, mediaVault, slot.getConfigVersion());
    }
}
