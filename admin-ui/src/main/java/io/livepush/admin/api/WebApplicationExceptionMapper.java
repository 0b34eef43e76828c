package io.livepush.admin.api;

import io.livepush.admin.api.json.ErrorJson;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;

/**
 * Gives JAX-RS's own errors (unknown path 404, wrong method 405, bad query parameter 400, unsupported media type 415)
 * the API's {@code {"error", "detail"}} body, keeping their status and headers such as {@code Allow}.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        String error = original.getStatusInfo().getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
        Response.ResponseBuilder builder = Response.fromResponse(original)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorJson(error, exception.getMessage()));
        return builder.build();
    }
}
