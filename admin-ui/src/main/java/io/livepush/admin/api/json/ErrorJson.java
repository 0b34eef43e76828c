package io.livepush.admin.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every API error body: {@code {"error": "not_found", "detail": "There is no slot 'cam1'"}}; invalid input adds
 * {@code fields}, the message of each offending field.
 * <p>
 * The body is capped, because messages may quote input: {@code detail} at {@value #MAX_DETAIL} characters, at most
 * {@value #MAX_FIELDS} fields (the detail then says how many more there were), field names at
 * {@value #MAX_FIELD_NAME} and messages at {@value #MAX_MESSAGE} characters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorJson(String error, String detail, Map<String, String> fields) {

    public static final int MAX_DETAIL = 1000;
    public static final int MAX_FIELDS = 50;
    public static final int MAX_FIELD_NAME = 100;
    public static final int MAX_MESSAGE = 300;

    public ErrorJson {
        if (fields != null && fields.size() > MAX_FIELDS) {
            detail = (detail == null ? "" : cut(detail, MAX_DETAIL - 40) + " ") + "(" + (fields.size() - MAX_FIELDS)
                    + " more problems not listed)";
        }
        detail = detail == null ? null : cut(detail, MAX_DETAIL);
        fields = fields == null ? null : capped(fields);
    }

    public ErrorJson(String error, String detail) {
        this(error, detail, null);
    }

    private static Map<String, String> capped(Map<String, String> fields) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (kept.size() == MAX_FIELDS) {
                break;
            }
            kept.put(cut(field.getKey(), MAX_FIELD_NAME), field.getValue() == null ? null
                    : cut(field.getValue(), MAX_MESSAGE));
        }
        return kept;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
