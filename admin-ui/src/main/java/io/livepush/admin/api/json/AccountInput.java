package io.livepush.admin.api.json;

import java.util.Map;

/** An account as sent by an operator; the shortname is ignored on update. */
public record AccountInput(String shortname, String displayName, Integer livePushKbps,
        Map<String, Integer> entitlements) {
}
