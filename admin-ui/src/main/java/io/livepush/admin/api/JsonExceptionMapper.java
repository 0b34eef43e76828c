package io.livepush.admin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.livepush.admin.api.json.ErrorJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A body that is not the JSON an endpoint expects: 400, with Jackson's first line (never the body itself). */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        String detail = exception.getOriginalMessage();
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorJson("bad_json", "The body is not valid JSON for this endpoint: "
                        + (detail == null ? "" : detail.lines().findFirst().orElse(""))))
                .build();
    }
}
