package io.livepush.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Collects validation messages by field and throws them together, so the caller sees every problem at once. */
final class Problems {

    private final Map<String, String> byField = new LinkedHashMap<>();

    void check(String field, Optional<String> problem) {
        problem.ifPresent(message -> add(field, message));
    }

    void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    void addAll(String prefix, Map<String, String> problems) {
        problems.forEach((field, message) -> add(prefix + field, message));
    }

    /** Every problem collected so far, by field, in the order found. */
    Map<String, String> asMap() {
        return new LinkedHashMap<>(byField);
    }

    /** Throws an {@link InvalidInputException} with every problem collected so far, if there is one. */
    void throwIfAny() {
        if (!byField.isEmpty()) {
            throw new InvalidInputException(byField);
        }
    }
}
