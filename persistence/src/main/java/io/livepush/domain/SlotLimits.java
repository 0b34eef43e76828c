package io.livepush.domain;

import java.util.Optional;

/** The numeric limits of a slot's settings (SPEC §3), with the messages forms and the API show. */
public final class SlotLimits {

    public static final int MIN_KBPS = 100;
    public static final int MAX_KBPS = 100_000;
    public static final int MIN_SEGMENT_MS = 500;
    public static final int MAX_SEGMENT_MS = 60_000;
    public static final int DEFAULT_SEGMENT_MS = 6_000;
    /** File expiry is in seconds: the guide's text says seconds, its screenshot minutes; seconds win (SPEC §3). */
    public static final int MIN_EXPIRY_SECONDS = 10;
    public static final int MAX_EXPIRY_SECONDS = 604_800;
    public static final int DEFAULT_EXPIRY_SECONDS = 300;
    public static final int MAX_DESCRIPTION_LENGTH = 255;
    /** More entries than this in one publish or viewer list is a mistake, not a configuration. */
    public static final int MAX_ADDRESS_ENTRIES = 256;

    private SlotLimits() {
    }

    /** Checks a total ingest bitrate in kbps. */
    public static Optional<String> kbpsProblem(int kbps) {
        return range(kbps, MIN_KBPS, MAX_KBPS, "The total ingest bitrate", "kbps");
    }

    /** Checks a segment duration in milliseconds. */
    public static Optional<String> segmentDurationProblem(int millis) {
        return range(millis, MIN_SEGMENT_MS, MAX_SEGMENT_MS, "The segment duration", "ms");
    }

    /** Checks a file expiry time in seconds. */
    public static Optional<String> fileExpiryProblem(int seconds) {
        return range(seconds, MIN_EXPIRY_SECONDS, MAX_EXPIRY_SECONDS, "The file expiry time", "seconds");
    }

    /** Checks an optional description. */
    public static Optional<String> descriptionProblem(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            return Optional.of("The description must be at most " + MAX_DESCRIPTION_LENGTH + " characters long");
        }
        return FreeText.problem(description);
    }

    private static Optional<String> range(int value, int min, int max, String what, String unit) {
        if (value < min || value > max) {
            return Optional.of(what + " must be between " + min + " and " + max + " " + unit + " (was " + value + ")");
        }
        return Optional.empty();
    }
}
