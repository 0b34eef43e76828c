package io.livepush.admin.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Every API error body: {@code {"error": "not_found", "detail": "There is no slot 'cam1'"}}; invalid input adds
 * {@code fields}, the message of each offending field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorJson(String error, String detail, Map<String, String> fields) {

    public ErrorJson(String error, String detail) {
        this(error, detail, null);
    }
}
