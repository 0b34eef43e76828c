package io.livepush.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule every password must meet, for publish credentials and portal users alike: 12–128 characters, no control
 * characters, not made of one repeated character, and not containing the user name. Messages never quote the password.
 */
public final class PasswordPolicy {

    /** The shortest password allowed, in characters. */
    public static final int MIN_LENGTH = 12;
    /** The longest password allowed, in characters. */
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Returns whether {@code password} is acceptable for {@code username}. */
    public static boolean isAcceptable(CharSequence password, String username) {
        return problem(password, username).isEmpty();
    }

    /**
     * Returns the message that explains why {@code password} is not acceptable for {@code username}, or empty when it
     * is acceptable.
     */
    public static Optional<String> problem(CharSequence password, String username) {
        if (password == null || password.length() == 0) {
            return Optional.of("A password is required");
        }
        int length = Character.codePointCount(password, 0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("The password must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("The password must be at most " + MAX_LENGTH + " characters long");
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("The password must not contain control characters");
        }
        // Code points, not chars: twelve copies of one emoji are one repeated character too.
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("The password must not repeat a single character");
        }
        if (username != null && !username.isEmpty()
                && password.toString().toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the user name");
        }
        return Optional.empty();
    }

    /** Throws {@link IllegalArgumentException} with the policy's message when {@code password} is not acceptable. */
    public static void check(CharSequence password, String username) {
        problem(password, username).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }
}
