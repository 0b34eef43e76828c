package io.livepush.service;

import java.time.Instant;

/**
 * One entry of a slot's history.
 *
 * @param action  {@code created}, {@code cloned}, {@code updated}, {@code credential added}, ...
 * @param changes what changed, one field per line; never a password or a secret
 */
public record AuditEntry(String actor, Instant at, String action, String changes) {
}
