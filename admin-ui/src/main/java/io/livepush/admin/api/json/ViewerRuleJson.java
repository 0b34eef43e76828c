package io.livepush.admin.api.json;

/** One viewer rule: {@code action} is {@code allow} or {@code deny}, {@code cidr} an address or CIDR block. */
public record ViewerRuleJson(String action, String cidr) {
}
