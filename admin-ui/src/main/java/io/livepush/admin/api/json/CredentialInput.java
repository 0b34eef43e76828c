package io.livepush.admin.api.json;

/** A publish credential as sent to the API; {@link #toString()} hides the password. */
public record CredentialInput(String username, String password) {

    @Override
    public String toString() {
        return "CredentialInput[username=" + username + ", password=****]";
    }
}
