package io.livepush.admin.ui.slot;

/**
 * One line of the form's Publish Credentials table.
 *
 * @param password {@code null} for a stored credential (edit) or one whose password must be typed again (clone)
 * @param stored   whether the credential already exists on the slot (edit mode)
 */
record CredentialRow(String username, String password, boolean stored) {

    /** Whether the row still needs its password typed (a cloned user name). */
    boolean needsPassword() {
        return !stored && password == null;
    }

    String state() {
        if (stored) {
            return "stored";
        }
        return password == null ? "password needed" : "new";
    }

    @Override
    public String toString() {
        return "CredentialRow[username=" + username + ", stored=" + stored + "]";
    }
}
