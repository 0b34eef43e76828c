package io.livepush.admin.api.json;

/** A stored publish credential: the user name only, never the password. */
public record CredentialJson(String username, String createdAt) {
}
