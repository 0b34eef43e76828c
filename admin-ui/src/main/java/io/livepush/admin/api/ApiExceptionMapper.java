package io.livepush.admin.api;

import io.livepush.admin.api.json.ErrorJson;
import io.livepush.service.AccessDeniedException;
import io.livepush.service.ConflictException;
import io.livepush.service.DatabaseUnavailableException;
import io.livepush.service.EntitlementExceededException;
import io.livepush.service.InvalidInputException;
import io.livepush.service.LivePushException;
import io.livepush.service.NotFoundException;
import io.livepush.service.SlotNameTakenException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns service refusals into {@code {"error", "detail"}} bodies: not found → 404, access denied → 403, a taken name,
 * an exceeded entitlement or another conflict → 409, invalid input → 422 with every field's message, an unreachable
 * database → 503 with {@code Retry-After}.
 */
public final class ApiExceptionMapper implements ExceptionMapper<LivePushException> {

    /** Seconds a client is asked to wait after a 503 for an unreachable database. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

    @Override
    public Response toResponse(LivePushException exception) {
        if (exception instanceof DatabaseUnavailableException) {
            LOG.warn("API request failed: the database is unreachable ({})", rootCause(exception));
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .entity(new ErrorJson("database_unavailable", exception.getMessage())).build();
        }
        ErrorJson body;
        Response.StatusType status;
        if (exception instanceof InvalidInputException invalid) {
            status = UNPROCESSABLE;
            body = new ErrorJson("invalid_input", invalid.getMessage(), invalid.fieldErrors());
        } else if (exception instanceof NotFoundException) {
            status = Response.Status.NOT_FOUND;
            body = new ErrorJson("not_found", exception.getMessage());
        } else if (exception instanceof AccessDeniedException) {
            status = Response.Status.FORBIDDEN;
            body = new ErrorJson("forbidden", exception.getMessage());
        } else if (exception instanceof SlotNameTakenException) {
            status = Response.Status.CONFLICT;
            body = new ErrorJson("name_taken", exception.getMessage());
        } else if (exception instanceof EntitlementExceededException) {
            status = Response.Status.CONFLICT;
            body = new ErrorJson("entitlement_exceeded", exception.getMessage());
        } else if (exception instanceof ConflictException) {
            status = Response.Status.CONFLICT;
            body = new ErrorJson("conflict", exception.getMessage());
        } else {
            status = Response.Status.BAD_REQUEST;
            body = new ErrorJson("bad_request", exception.getMessage());
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** 422, which {@link Response.Status} does not name. */
    static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };
}
