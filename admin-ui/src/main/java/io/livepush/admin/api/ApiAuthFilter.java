package io.livepush.admin.api;

import io.livepush.admin.AdminServices;
import io.livepush.admin.api.json.ErrorJson;
import io.livepush.domain.Actor;
import io.livepush.service.LoginResult;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticates every API request except {@code v1/openapi.json}: {@code Authorization: Bearer <token>} with a
 * per-user API token, or {@code Basic} with a portal user's name and password over HTTPS (Basic goes through the
 * same lockout as the portal login). Anything else gets 401 with both challenges. Credentials are never logged.
 */
@Priority(Priorities.AUTHENTICATION)
public final class ApiAuthFilter implements ContainerRequestFilter {

    static final String BEARER_CHALLENGE = "Bearer realm=\"Live Push API\"";
    static final String BASIC_CHALLENGE = "Basic realm=\"Live Push API\", charset=\"UTF-8\"";

    private final AdminServices services;

    public ApiAuthFilter(AdminServices services) {
        this.services = services;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().equals("v1/openapi.json")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean secure = request.getSecurityContext().isSecure();
        if (header == null || header.isBlank()) {
            request.abortWith(unauthorized("Send 'Authorization: Bearer <API token>' or Basic credentials over "
                    + "HTTPS"));
            return;
        }
        Optional<Actor> actor;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            actor = services.tokens().authenticate(header.substring(7).strip());
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (!secure && !services.config().allowBasicOverHttp()) {
                request.abortWith(unauthorized("Basic authentication is accepted only over HTTPS; use an API token"));
                return;
            }
            actor = basic(header.substring(6).strip());
        } else {
            actor = Optional.empty();
        }
        if (actor.isEmpty()) {
            request.abortWith(unauthorized("The credentials are wrong, revoked or locked out"));
            return;
        }
        request.setSecurityContext(new ActorSecurityContext(actor.get(), secure));
    }

    private Optional<Actor> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        LoginResult result = services.users().login(decoded.substring(0, colon), decoded.substring(colon + 1));
        return result.outcome() == LoginResult.Outcome.ACCEPTED ? Optional.of(result.actor()) : Optional.empty();
    }

    private static Response unauthorized(String detail) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
                .header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorJson("unauthorized", detail))
                .build();
    }

    private record ActorSecurityContext(Actor actor, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return new ApiActors.ActorPrincipal(actor);
        }

        @Override
        public boolean isUserInRole(String role) {
            return actor.role().name().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "API";
        }
    }
}
