package io.livepush.service;

/** The request is well-formed but clashes with what is stored: a name already taken, an entitlement used up. */
public class ConflictException extends LivePushException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
