package io.livepush.service;

import java.time.Instant;

/**
 * An API token as services list it: never the token itself, only its first characters as a hint.
 *
 * @param lastUsedAt {@code null} until the token is first used
 */
public record ApiTokenRecord(long id, String username, String label, String hint, Instant createdAt,
        Instant lastUsedAt) {
}
