package io.livepush.service;

/** Creating the slot would exceed the account's slot count for its type or its Live Push bitrate capacity. */
public class EntitlementExceededException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public EntitlementExceededException(String message) {
        super(message);
    }
}
