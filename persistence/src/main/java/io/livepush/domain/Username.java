package io.livepush.domain;

import java.util.Optional;

/**
 * A user name: 1–64 characters from {@code A-Z a-z 0-9 . _ -} (SPEC §3). Publish credentials and portal users follow the
 * same rule, so a name can be typed into an encoder, a URL's user-info and a login form without escaping. Names are
 * compared exactly (case-sensitive), as HTTP Basic authentication does.
 *
 * @param value the user name
 */
public record Username(String value) {

    /** The longest user name allowed, in characters. */
    public static final int MAX_LENGTH = 64;

    public Username {
        problem(value).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }

    /** Parses a user name, throwing {@link IllegalArgumentException} that quotes the input when it is invalid. */
    public static Username parse(String text) {
        return new Username(text);
    }

    /** Returns whether {@code text} is a valid user name. */
    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }

    /** Returns the message that explains why {@code text} is not a user name, or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("A user name is required");
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of("'" + Texts.printable(text) + "' is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Texts.isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return Optional.of("'" + Texts.printable(text) + "' may contain only letters, digits, '.', '_' and '-'");
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
