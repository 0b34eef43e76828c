package io.livepush.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The input breaks one or more rules. {@link #fieldErrors()} maps each offending field (the names of the input record,
 * e.g. {@code totalKbps}, {@code publishCidrs[2]}, {@code mediaVault.primarySecret}) to its message, so a form can
 * show every message beside its field at once. Messages never contain a password or a secret.
 */
public class InvalidInputException extends LivePushException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(summary(fieldErrors));
        this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    }

    public InvalidInputException(String field, String message) {
        this(Map.of(field, message));
    }

    /** Every problem, by field. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String summary(Map<String, String> fieldErrors) {
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("An InvalidInputException needs at least one problem");
        }
        return fieldErrors.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("; "));
    }
}
