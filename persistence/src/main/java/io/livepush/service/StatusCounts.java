package io.livepush.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Stores "HTTP status → count" maps as text ({@code "201=30 204=12 401=2"}) in one column. */
final class StatusCounts {

    private StatusCounts() {
    }

    static String format(Map<Integer, Long> counts) {
        return new TreeMap<>(counts).entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }

    static Map<Integer, Long> parse(String text) {
        Map<Integer, Long> counts = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return counts;
        }
        for (String pair : text.trim().split(" +")) {
            int equals = pair.indexOf('=');
            counts.put(Integer.parseInt(pair.substring(0, equals)), Long.parseLong(pair.substring(equals + 1)));
        }
        return counts;
    }
}
