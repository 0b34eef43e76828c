package io.livepush.service;

/**
 * The database did not answer in time or refused connections (stopped, restarting, unreachable). Nothing the caller
 * asked for was done or committed; the same request may succeed in a moment. The REST API answers 503 with
 * {@code Retry-After}; the portal shows {@link #MESSAGE}.
 */
public final class DatabaseUnavailableException extends LivePushException {

    private static final long serialVersionUID = 1L;

    /** What a person is told. */
    public static final String MESSAGE = "The database is not reachable; try again in a moment";

    public DatabaseUnavailableException(Throwable cause) {
        super(MESSAGE);
        initCause(cause);
    }
}
