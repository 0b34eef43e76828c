package io.livepush.domain;

/** Small text checks shared by the value types of this package; they never allocate on the success path. */
final class Texts {

    private static final int QUOTE_LIMIT = 70;

    private Texts() {
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean isLowerAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /**
     * Replaces control characters and cuts long input, so that a quoted input cannot break a log line or a message.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), QUOTE_LIMIT));
        for (int i = 0; i < text.length() && i < QUOTE_LIMIT; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > QUOTE_LIMIT) {
            out.append('…');
        }
        return out.toString();
    }
}
