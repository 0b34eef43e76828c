package io.livepush.domain;

/** A slot's provisioning status as the portal and the API show it (SPEC §3). */
public enum ProvisioningStatus {
    /** Waiting for every ingest node of the slot's PoPs to load its rules and create its storage directory. */
    LIVE_EVENT_PROVISIONING("LiveEventProvisioning"),
    /** Every ingest node of the slot's PoPs has loaded its current rules. */
    PUBLISHED("Published"),
    /** An ingest node reported a problem with this slot; the reason says which and what. */
    ERROR("Error"),
    /** No ingest node confirmed the slot within the provisioning timeout. */
    NOT_PROVISIONED("Not_Provisioned"),
    /** The slot was deleted and its files are being removed. */
    DELETING("Deleting");

    private final String displayName;

    ProvisioningStatus(String displayName) {
        this.displayName = displayName;
    }

    /** The name the original product uses, e.g. {@code LiveEventProvisioning}. */
    public String displayName() {
        return displayName;
    }
}
