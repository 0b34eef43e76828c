package io.livepush.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One stored viewer rule: {@code ALLOW} or {@code DENY} and the address or CIDR block it applies to. */
@Embeddable
public class ViewerRuleEntry {

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "cidr", nullable = false)
    private String cidr;

    protected ViewerRuleEntry() {
    }

    public ViewerRuleEntry(String action, String cidr) {
        this.action = action;
        this.cidr = cidr;
    }

    public String getAction() {
        return action;
    }

    public String getCidr() {
        return cidr;
    }
}
