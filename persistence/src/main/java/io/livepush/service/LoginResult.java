package io.livepush.service;

import io.livepush.domain.Actor;
import java.time.Instant;

/**
 * What a login attempt came to. A wrong user name and a wrong password give the same {@link Outcome#REJECTED}.
 *
 * @param actor       the logged-in user, only when {@link Outcome#ACCEPTED}
 * @param lockedUntil when the lockout ends, only when {@link Outcome#LOCKED}
 */
public record LoginResult(Outcome outcome, Actor actor, Instant lockedUntil) {

    /** The kinds of result. */
    public enum Outcome {
        ACCEPTED,
        REJECTED,
        /** Too many failures: refused without checking the password until {@link #lockedUntil()}. */
        LOCKED
    }

    static LoginResult accepted(Actor actor) {
        return new LoginResult(Outcome.ACCEPTED, actor, null);
    }

    static LoginResult rejected() {
        return new LoginResult(Outcome.REJECTED, null, null);
    }

    static LoginResult locked(Instant until) {
        return new LoginResult(Outcome.LOCKED, null, until);
    }
}
