package io.livepush.admin.api;

import io.livepush.domain.Actor;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The authenticated API caller, as {@link ApiAuthFilter} put it into the request's security context. */
final class ApiActors {

    private ApiActors() {
    }

    /** The principal carrying the actor. */
    record ActorPrincipal(Actor actor) implements Principal {

        @Override
        public String getName() {
            return actor.username();
        }
    }

    static Actor of(SecurityContext context) {
        Principal principal = context == null ? null : context.getUserPrincipal();
        if (principal instanceof ActorPrincipal actorPrincipal) {
            return actorPrincipal.actor();
        }
        throw new NotAuthorizedException("Authentication required", "Bearer realm=\"Live Push API\"");
    }
}
