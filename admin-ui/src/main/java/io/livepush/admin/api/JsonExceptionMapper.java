package io.livepush.admin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.livepush.admin.api.json.ErrorJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A body that is not the JSON an endpoint expects. Malformed JSON → 400 {@code bad_json} with Jackson's first line
 * (never the body itself). Well-formed JSON with a value that does not fit its field (a number out of range, text
 * where a number belongs, an unknown field) → 422 {@code invalid_input} naming the field, like any other field
 * problem.
 */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = field(mapping.getPath());
            String message = problem(mapping);
            return Response.status(ApiExceptionMapper.UNPROCESSABLE).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorJson("invalid_input", field + ": " + message, Map.of(field, message)))
                    .build();
        }
        String detail = exception.getOriginalMessage();
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorJson("bad_json", "The body is not valid JSON for this endpoint: "
                        + (detail == null ? "" : detail.lines().findFirst().orElse("")), null))
                .build();
    }

    /** The field in the API's spelling: {@code totalKbps}, {@code viewerRules[2].action}. */
    static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String problem(JsonMappingException exception) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "This field is unknown";
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputCoercionException) {
                return "The number is out of range for this field";
            }
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "Expected " + kind(mismatch.getTargetType());
        }
        return "The value does not fit this field";
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
