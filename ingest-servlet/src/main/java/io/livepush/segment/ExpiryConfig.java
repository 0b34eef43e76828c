package io.livepush.segment;

import jakarta.servlet.ServletContext;
import java.util.function.Function;

/**
 * The configuration of segment expiry, read once at startup from context parameters (default in {@code web.xml},
 * override in the context file with {@code <Parameter override="false"/>}).
 *
 * @param sweepSeconds how often {@link ExpirySweep} runs, 1–60 seconds; a file goes at most this long after it
 *                     expired (plus up to a second, as times are kept in whole seconds)
 */
public record ExpiryConfig(int sweepSeconds) {

    public static final String SWEEP_SECONDS = "expiry.sweepSeconds";
    public static final int DEFAULT_SWEEP_SECONDS = 1;
    private static final int MAX_SWEEP_SECONDS = 60;

    public ExpiryConfig {
        if (sweepSeconds < 1 || sweepSeconds > MAX_SWEEP_SECONDS) {
            throw new IllegalArgumentException("'" + sweepSeconds + "' is not a sweep period from 1 to "
                    + MAX_SWEEP_SECONDS + " seconds");
        }
    }

    /** Reads the configuration; a bad value throws {@link IllegalStateException} naming it. */
    public static ExpiryConfig from(ServletContext context) {
        return from(context::getInitParameter);
    }

    /** Reads the configuration from any parameter source (tests use a map). */
    public static ExpiryConfig from(Function<String, String> parameters) {
        String value = parameters.apply(SWEEP_SECONDS);
        if (value == null || value.isBlank()) {
            return new ExpiryConfig(DEFAULT_SWEEP_SECONDS);
        }
        try {
            return new ExpiryConfig(Integer.parseInt(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Bad live configuration: " + SWEEP_SECONDS
                    + " must be a whole number from 1 to " + MAX_SWEEP_SECONDS + " (was '" + value + "')", e);
        }
    }
}
