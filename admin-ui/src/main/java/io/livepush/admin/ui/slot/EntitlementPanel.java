package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.livepush.domain.SlotType;
import io.livepush.service.EntitlementSummary;

/**
 * The summary above the slot list (guide "Main Configuration Page"): used and available slots per type and, for Live
 * Push, the kbps provisioned and still available.
 */
class EntitlementPanel extends Div {

    private static final long serialVersionUID = 1L;

    EntitlementPanel() {
        setId("entitlements");
        addClassName("entitlements");
    }

    void show(EntitlementSummary summary) {
        removeAll();
        for (EntitlementSummary.TypeUsage usage : summary.types()) {
            Div card = new Div();
            card.addClassName("entitlement");
            card.setId("entitlement-" + usage.type().apiValue());
            card.add(new Span(usage.type().displayName()));
            card.add(line(usage.used() + " used / " + usage.available() + " available"));
            if (usage.type() == SlotType.LIVE_PUSH) {
                card.add(line(summary.kbpsProvisioned() + " kbps provisioned / " + summary.kbpsAvailable()
                        + " kbps available"));
            }
            add(card);
        }
    }

    private static Span line(String text) {
        Span span = new Span(text);
        span.addClassName("entitlement-figures");
        return span;
    }
}
