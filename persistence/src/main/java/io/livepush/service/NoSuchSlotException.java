package io.livepush.service;

/** No slot of that name or ID exists in an account the caller may manage. */
public class NoSuchSlotException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public NoSuchSlotException(String slot) {
        super("There is no slot '" + slot + "'");
    }
}
