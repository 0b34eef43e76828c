package io.livepush.admin.api.json;

import java.util.Map;

/** An account; {@code entitlements} maps API slot types ({@code live-push}, ...) to purchased counts. */
public record AccountJson(String shortname, String displayName, int livePushKbps, Map<String, Integer> entitlements,
        String createdAt) {
}
