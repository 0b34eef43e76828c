package io.livepush.service;

/** The caller is known but its role does not allow the operation (for example an account admin managing PoPs). */
public class AccessDeniedException extends LivePushException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
