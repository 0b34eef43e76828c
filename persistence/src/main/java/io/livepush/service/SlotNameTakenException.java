package io.livepush.service;

/** The account already has a slot of that name (compared without regard to case). */
public class SlotNameTakenException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public SlotNameTakenException(String name) {
        super("A slot named '" + name + "' already exists in this account");
    }
}
