package io.livepush.service;

/**
 * The thing asked for does not exist, or the caller may not see it: an account admin asking for another account's slot
 * gets this too, so nobody can probe for names outside their account.
 */
public class NotFoundException extends LivePushException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
