package io.livepush.domain;

import java.util.Optional;

/**
 * The rule for free text people type (slot descriptions, account names, token labels): any Unicode text, but no
 * control character (NUL, line breaks, tabs, escape, DEL, C1 controls). Such characters only ever arrive by mistake
 * or malice, break log lines and CSV exports, and MariaDB's {@code utf8mb4} would store a NUL silently.
 */
public final class FreeText {

    private FreeText() {
    }

    /** Why {@code text} is not acceptable free text, or empty if it is (also for {@code null}). */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(String.format("Control characters are not allowed (found U+%04X at position %d)",
                        (int) c, i + 1));
            }
        }
        return Optional.empty();
    }
}
