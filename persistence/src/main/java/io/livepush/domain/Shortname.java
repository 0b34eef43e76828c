package io.livepush.domain;

import java.util.Optional;

/**
 * An account's shortname: a lower-case letter followed by 1–31 lower-case letters or digits (SPEC §2). It appears in
 * every ingest and playback URL and in the storage path, so it is immutable.
 *
 * @param value the shortname
 */
public record Shortname(String value) {

    /** The longest shortname allowed, in characters. */
    public static final int MAX_LENGTH = 32;

    public Shortname {
        problem(value).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }

    /** Parses a shortname, throwing {@link IllegalArgumentException} that quotes the input when it is invalid. */
    public static Shortname parse(String text) {
        return new Shortname(text);
    }

    /** Returns whether {@code text} is a valid shortname. */
    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }

    /** Returns the message that explains why {@code text} is not a shortname, or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("A shortname is required");
        }
        if (text.length() < 2 || text.length() > MAX_LENGTH) {
            return Optional.of("'" + Texts.printable(text) + "' must be 2 to " + MAX_LENGTH + " characters long");
        }
        char first = text.charAt(0);
        if (first < 'a' || first > 'z') {
            return Optional.of("'" + Texts.printable(text) + "' must start with a lower-case letter");
        }
        for (int i = 1; i < text.length(); i++) {
            if (!Texts.isLowerAsciiLetterOrDigit(text.charAt(i))) {
                return Optional.of("'" + Texts.printable(text) + "' may contain only lower-case letters and digits");
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
