package io.livepush.service;

import io.livepush.net.AddressRule;

/** One viewer access rule as typed or shown: allow or deny an address or CIDR block; the first match wins. */
public record ViewerRule(AddressRule.Action action, String cidr) {
}
