package io.livepush.service;

import java.time.Instant;

/** A publish credential as services return it: the user name only; the password is never shown again. */
public record CredentialRecord(String username, Instant createdAt) {
}
