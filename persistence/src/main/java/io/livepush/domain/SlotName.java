package io.livepush.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The name of a slot: 1–63 letters, digits and {@code -}, not starting or ending with {@code -} (SPEC §3), and not
 * {@code WEB-INF} or {@code META-INF} in any case (the path grammar of ingest and playback refuses those).
 * <p>
 * The name is part of every ingest and playback URL, so it is immutable once the slot exists. Names are unique per
 * account without regard to case; {@link #key()} is the form that uniqueness is decided on.
 *
 * @param value the name exactly as the user typed it
 */
public record SlotName(String value) {

    /** The longest name allowed, in characters. */
    public static final int MAX_LENGTH = 63;

    public SlotName {
        problem(value).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }

    /** Parses a slot name, throwing {@link IllegalArgumentException} that quotes the input when it is invalid. */
    public static SlotName parse(String text) {
        return new SlotName(text);
    }

    /** Returns whether {@code text} is a valid slot name. */
    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }

    /** Returns the message that explains why {@code text} is not a slot name, or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("A slot name is required");
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of("'" + Texts.printable(text) + "' is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Texts.isAsciiLetterOrDigit(c) && c != '-') {
                return Optional.of("'" + Texts.printable(text) + "' may contain only letters, digits and '-'");
            }
        }
        if (text.startsWith("-") || text.endsWith("-")) {
            return Optional.of("'" + text + "' must not start or end with '-'");
        }
        if (text.equalsIgnoreCase("WEB-INF") || text.equalsIgnoreCase("META-INF")) {
            // The live path grammar refuses these names in any case, so such a slot could never be used.
            return Optional.of("'" + text + "' is reserved");
        }
        return Optional.empty();
    }

    /** The case-insensitive key that decides uniqueness within an account. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
