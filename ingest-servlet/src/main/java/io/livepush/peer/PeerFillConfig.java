package io.livepush.peer;

import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The peer-fill settings of the {@code live} web application, read once at startup (defaults in {@code web.xml},
 * overrides in the context file). A bad value stops the deployment with every problem named; the secret never appears
 * in a message or in {@link #toString()}.
 *
 * @param secret    the cluster secret shared by every node ({@value #SECRET}); {@code null} turns peer fill off
 * @param timeout   how long one fetch from the peer may take, connection to last byte ({@value #TIMEOUT_MILLIS})
 * @param maxFetches how many fetches from peers may run at once on this node ({@value #MAX_FETCHES})
 */
public record PeerFillConfig(String secret, Duration timeout, int maxFetches) {

    /** The cluster secret; empty or absent: this node neither fills from nor answers peers. */
    public static final String SECRET = "peerFill.secret";
    /** Milliseconds, 100 to 30 000; default {@value #DEFAULT_TIMEOUT_MILLIS}. */
    public static final String TIMEOUT_MILLIS = "peerFill.timeoutMillis";
    /** 1 to 256; default {@value #DEFAULT_MAX_FETCHES}. */
    public static final String MAX_FETCHES = "peerFill.maxFetches";

    public static final int MIN_SECRET_LENGTH = 16;
    static final int DEFAULT_TIMEOUT_MILLIS = 2000;
    static final int DEFAULT_MAX_FETCHES = 8;

    /** Whether peer fill is on. */
    public boolean enabled() {
        return secret != null;
    }

    public static PeerFillConfig from(ServletContext context) {
        return from(context::getInitParameter);
    }

    /** Reads the settings from any parameter source (tests use a map). */
    public static PeerFillConfig from(Function<String, String> parameters) {
        List<String> problems = new ArrayList<>();
        String secret = parameters.apply(SECRET);
        if (secret == null || secret.isBlank()) {
            secret = null;
        } else if (secret.contains("${")) {
            // Tomcat keeps ${name} as it is when no property of that name exists: never use such text as a secret.
            problems.add(SECRET + " names a property that is not defined (a ${...} placeholder was left as it is)");
            secret = null;
        } else if (secret.strip().length() < MIN_SECRET_LENGTH) {
            problems.add(SECRET + " must have at least " + MIN_SECRET_LENGTH + " characters");
        } else {
            secret = secret.strip();
        }
        long timeout = number(parameters, TIMEOUT_MILLIS, DEFAULT_TIMEOUT_MILLIS, 100, 30_000, problems);
        long fetches = number(parameters, MAX_FETCHES, DEFAULT_MAX_FETCHES, 1, 256, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Bad peer-fill configuration: " + String.join("; ", problems));
        }
        return new PeerFillConfig(secret, Duration.ofMillis(timeout), (int) fetches);
    }

    private static long number(Function<String, String> parameters, String key, long fallback, long min, long max,
            List<String> problems) {
        String value = parameters.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        problems.add(key + " must be a whole number from " + min + " to " + max + " (was '" + value.strip() + "')");
        return fallback;
    }

    @Override
    public String toString() {
        return "PeerFillConfig[" + (enabled() ? "on" : "off") + ", timeout " + timeout.toMillis() + " ms, "
                + maxFetches + " fetches]";
    }
}
