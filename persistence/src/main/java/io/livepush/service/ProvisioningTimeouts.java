package io.livepush.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The two time limits a slot's provisioning status depends on (SPEC §3), set by the portal's context parameters.
 *
 * @param provisioning how long the nodes of a slot's PoPs have to load a change before the slot is
 *                     {@code Not_Provisioned}; default 5 minutes
 * @param nodeSilence  how old a node's last heartbeat may be for the node to count as live (nodes beat every 2
 *                     seconds); default 30 seconds
 */
public record ProvisioningTimeouts(Duration provisioning, Duration nodeSilence) {

    /** The production limits: 5 minutes to provision, 30 seconds of silence. */
    public static final ProvisioningTimeouts STANDARD =
            new ProvisioningTimeouts(Duration.ofMinutes(5), Duration.ofSeconds(30));

    public ProvisioningTimeouts {
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(nodeSilence, "nodeSilence");
        if (provisioning.isNegative() || provisioning.isZero() || nodeSilence.isNegative() || nodeSilence.isZero()) {
            throw new IllegalArgumentException("Provisioning time-outs must be positive: " + provisioning + ", "
                    + nodeSilence);
        }
    }

    /** "30 seconds", "5 minutes", "90 seconds": the way a status reason names a limit. */
    static String describe(Duration limit) {
        long seconds = limit.toSeconds();
        return seconds >= 120 && seconds % 60 == 0 ? seconds / 60 + " minutes" : seconds + " seconds";
    }
}
