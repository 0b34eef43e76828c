package io.livepush.service;

/**
 * A publish credential as typed: the password is hashed by the service and never stored or returned as given.
 * {@link #toString()} hides the password so that it cannot reach a log by accident.
 */
public record NewCredential(String username, String password) {

    @Override
    public String toString() {
        return "NewCredential[username=" + username + ", password=****]";
    }
}
