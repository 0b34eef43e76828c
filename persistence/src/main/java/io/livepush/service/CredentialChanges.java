package io.livepush.service;

import java.util.List;

/**
 * The credential edits of one Edit form, applied in the same transaction as its settings: first clear all (when
 * asked), then remove, then add.
 *
 * @param removed user names whose credentials go
 * @param added   new credentials; their passwords are hashed and never stored as typed
 */
public record CredentialChanges(boolean clearAll, List<String> removed, List<NewCredential> added) {

    /** No credential change. */
    public static final CredentialChanges NONE = new CredentialChanges(false, List.of(), List.of());

    public CredentialChanges {
        removed = removed == null ? List.of() : List.copyOf(removed);
        added = added == null ? List.of() : List.copyOf(added);
    }

    public boolean isEmpty() {
        return !clearAll && removed.isEmpty() && added.isEmpty();
    }
}
