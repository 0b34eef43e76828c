package io.livepush.service;

/**
 * A refusal by a service, with a message written for the person who asked. The subclasses say which kind, so the REST
 * API and the portal can map them to a status code or an inline message without parsing text.
 */
public abstract class LivePushException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected LivePushException(String message) {
        super(message);
    }
}
