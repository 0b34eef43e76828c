package io.livepush.service;

import io.livepush.domain.ProvisioningStatus;
import io.livepush.domain.SlotLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives a slot's provisioning status from ingest node heartbeats (SPEC §3); pure, so tests drive it with a fixed
 * clock. The rules, in order:
 * <ol>
 * <li>a slot being deleted is {@code Deleting};</li>
 * <li>a live node of one of the slot's PoPs that reports an error for the slot, or for itself, makes it
 * {@code Error} with that node's reason;</li>
 * <li>when every PoP of the slot (primary, and backup if used) has at least one live node and every live node there
 * has loaded the slot's config version, it is {@code Published};</li>
 * <li>otherwise it is {@code LiveEventProvisioning} until {@link ProvisioningTimeouts#provisioning()} after the
 * change that needs provisioning, and {@code Not_Provisioned} (with the PoP that failed) after that.</li>
 * </ol>
 * A node is live while its last heartbeat is younger than {@link ProvisioningTimeouts#nodeSilence()}. After a database
 * outage that judgement is relative to the outage's start until a heartbeat round has passed (see
 * {@link #aliveSince}): nodes could not write their heartbeats while the database was away, and a node alive when it
 * went away is not taken for dead the moment it returns.
 */
public final class Provisioning {

    /** What a heartbeat says about one node. */
    public record NodeState(String nodeId, long popId, long configVersion, Instant lastSeen, String error) {
    }

    /** A PoP the slot needs, by id and name. */
    public record PopRef(long id, String name) {
    }

    /** The slot facts the status depends on. */
    public record SlotFacts(String slotId, SlotLifecycle lifecycle, long configVersion, Instant requestedAt,
            List<PopRef> pops) {
    }

    /** A status and, for {@code Error} and {@code Not_Provisioned}, the reason. */
    public record Verdict(ProvisioningStatus status, String reason) {
    }

    private Provisioning() {
    }

    /**
     * Derives the status of {@code slot} with the {@link ProvisioningTimeouts#STANDARD} limits.
     *
     * @param nodes      every known node (dead ones are ignored here)
     * @param slotErrors the errors nodes reported for this slot, by node id
     */
    public static Verdict status(SlotFacts slot, List<NodeState> nodes, Map<String, String> slotErrors, Instant now) {
        ProvisioningTimeouts limits = ProvisioningTimeouts.STANDARD;
        return status(slot, nodes, slotErrors, now, now.minus(limits.nodeSilence()), limits);
    }

    /**
     * The oldest heartbeat that still makes a node live at {@code now}: {@code nodeSilence} before {@code now}, or,
     * while the database is unreachable and for {@code nodeSilence} after it returns, {@code nodeSilence} before the
     * outage began (no heartbeat could be written in between).
     *
     * @param outageStart when the current or a just-ended database outage began, if there is one
     */
    public static Instant aliveSince(Instant now, Optional<Instant> outageStart, Duration nodeSilence) {
        Instant usual = now.minus(nodeSilence);
        return outageStart.map(start -> start.minus(nodeSilence)).filter(usual::isAfter).orElse(usual);
    }

    /**
     * Derives the status of {@code slot}, counting as live the nodes whose last heartbeat is not older than
     * {@code aliveSince}; the slot's nodes have {@code limits.provisioning()} to load a change.
     */
    public static Verdict status(SlotFacts slot, List<NodeState> nodes, Map<String, String> slotErrors, Instant now,
            Instant aliveSince, ProvisioningTimeouts limits) {
        if (slot.lifecycle() != SlotLifecycle.ACTIVE) {
            return new Verdict(ProvisioningStatus.DELETING, null);
        }
        List<NodeState> alive = nodes.stream()
                .filter(node -> !node.lastSeen().isBefore(aliveSince))
                .filter(node -> slot.pops().stream().anyMatch(pop -> pop.id() == node.popId()))
                .sorted(Comparator.comparing(NodeState::nodeId))
                .toList();
        for (NodeState node : alive) {
            String error = slotErrors.containsKey(node.nodeId()) ? slotErrors.get(node.nodeId()) : node.error();
            if (error != null) {
                return new Verdict(ProvisioningStatus.ERROR, "Ingest node '" + node.nodeId() + "': " + error);
            }
        }
        String missing = null;
        for (PopRef pop : slot.pops()) {
            List<NodeState> inPop = alive.stream().filter(node -> node.popId() == pop.id()).toList();
            if (inPop.isEmpty()) {
                missing = "No ingest node of PoP '" + pop.name() + "' has reported in the last "
                        + ProvisioningTimeouts.describe(limits.nodeSilence());
                break;
            }
            List<String> behind = inPop.stream().filter(node -> node.configVersion() < slot.configVersion())
                    .map(NodeState::nodeId).toList();
            if (!behind.isEmpty()) {
                missing = "Ingest node(s) " + String.join(", ", behind) + " of PoP '" + pop.name()
                        + "' did not load the slot within " + ProvisioningTimeouts.describe(limits.provisioning());
                break;
            }
        }
        if (missing == null) {
            return new Verdict(ProvisioningStatus.PUBLISHED, null);
        }
        if (now.isBefore(slot.requestedAt().plus(limits.provisioning()))) {
            return new Verdict(ProvisioningStatus.LIVE_EVENT_PROVISIONING, null);
        }
        return new Verdict(ProvisioningStatus.NOT_PROVISIONED, missing);
    }
}
