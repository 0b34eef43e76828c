package io.livepush.service;

import io.livepush.domain.AdminRole;
import java.time.Instant;

/**
 * A portal user as services return it: never the password hash.
 *
 * @param accountShortname {@code null} for an operator
 * @param lockedUntil      {@code null} unless the user is locked out
 */
public record AdminUserRecord(String username, AdminRole role, String accountShortname, Instant createdAt,
        Instant lastLoginAt, Instant lockedUntil) {
}
