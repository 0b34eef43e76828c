package io.livepush.mediavault;

import io.livepush.security.Secrets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The validation rules of {@link MediaVaultSettings}, kept apart so that forms can ask for every problem at once.
 * Messages never repeat a secret.
 */
final class SettingsProblems {

    /** Characters §13 forbids as the path-based delimiter. */
    private static final String RESERVED_DELIMITERS = ":/?#[]@!$&'()*+,;=";

    /** Characters that occur inside term values (addresses, domains, {@code t}) or start a percent-escape. */
    private static final String VALUE_CHARACTERS = "%.-_";

    private SettingsProblems() {
    }

    static Map<String, String> of(MediaVaultMode mode, String primarySecret, String secondarySecret, int denyStatus,
            boolean pathBased, String pathToken, String pathDelim, int clockSkewSeconds) {
        Map<String, String> problems = new LinkedHashMap<>();
        boolean hasPrimary = !isBlank(primarySecret);
        if (mode == null) {
            problems.put(MediaVaultSettings.MODE, "Choose a MediaVault mode");
        }
        if (hasPrimary) {
            secretProblem(primarySecret, problems, MediaVaultSettings.PRIMARY_SECRET);
        } else if (mode != null && mode != MediaVaultMode.NONE) {
            problems.put(MediaVaultSettings.PRIMARY_SECRET, "A primary secret is required when MediaVault is on");
        }
        if (!isBlank(secondarySecret)) {
            if (!hasPrimary) {
                problems.put(MediaVaultSettings.SECONDARY_SECRET, "A secondary secret needs a primary secret");
            } else if (!secretProblem(secondarySecret, problems, MediaVaultSettings.SECONDARY_SECRET)
                    && Secrets.constantTimeEquals(secondarySecret, primarySecret)) {
                problems.put(MediaVaultSettings.SECONDARY_SECRET, "The secondary secret must differ from the primary");
            }
        }
        if (denyStatus < MediaVaultSettings.MIN_DENY_STATUS || denyStatus > MediaVaultSettings.MAX_DENY_STATUS) {
            problems.put(MediaVaultSettings.DENY_STATUS, "The deny status must be an HTTP status from "
                    + MediaVaultSettings.MIN_DENY_STATUS + " to " + MediaVaultSettings.MAX_DENY_STATUS);
        }
        if (pathBased && mode == MediaVaultMode.NONE) {
            problems.put(MediaVaultSettings.PATH_BASED, "Path-based tokens need a MediaVault mode other than NONE");
        }
        pathTokenProblem(pathToken).ifPresent(message -> problems.put(MediaVaultSettings.PATH_TOKEN, message));
        pathDelimProblem(pathDelim).ifPresent(message -> problems.put(MediaVaultSettings.PATH_DELIM, message));
        if (clockSkewSeconds < 0 || clockSkewSeconds > MediaVaultSettings.MAX_CLOCK_SKEW_SECONDS) {
            problems.put(MediaVaultSettings.CLOCK_SKEW_SECONDS, "The clock skew must be from 0 to "
                    + MediaVaultSettings.MAX_CLOCK_SKEW_SECONDS + " seconds");
        }
        return problems;
    }

    /** Adds the secret's problem, if any, and returns whether there was one. */
    private static boolean secretProblem(String secret, Map<String, String> problems, String field) {
        if (MediaVaultSettings.isValidSecret(secret)) {
            return false;
        }
        problems.put(field, "A secret is " + MediaVaultSettings.MIN_SECRET_LENGTH + " to "
                + MediaVaultSettings.MAX_SECRET_LENGTH + " letters (A-Z, a-z) or digits");
        return true;
    }

    static Optional<String> pathTokenProblem(String token) {
        if (token == null || token.length() < MediaVaultSettings.MIN_PATH_TOKEN_LENGTH
                || token.length() > MediaVaultSettings.MAX_PATH_TOKEN_LENGTH) {
            return Optional.of("The path marker is " + MediaVaultSettings.MIN_PATH_TOKEN_LENGTH + " to "
                    + MediaVaultSettings.MAX_PATH_TOKEN_LENGTH + " characters");
        }
        boolean onlySlashes = true;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '/' && c != '=') {
                return Optional.of("'" + token + "' may contain only letters, digits, '/' and '='");
            }
            onlySlashes &= c == '/';
        }
        if (onlySlashes) {
            return Optional.of("The path marker must not consist of slashes only");
        }
        // The marker starts a path segment (§13), so it cannot begin with '/', end with one or hold an empty segment.
        if (token.startsWith("/") || token.endsWith("/") || token.contains("//")) {
            return Optional.of("'" + token + "' must not start or end with '/' or contain '//'");
        }
        return Optional.empty();
    }

    static Optional<String> pathDelimProblem(String delim) {
        if (delim == null || delim.length() != 1) {
            return Optional.of("The path delimiter is exactly one character");
        }
        char c = delim.charAt(0);
        if (c <= ' ' || c >= 0x7f || isAsciiLetterOrDigit(c) || RESERVED_DELIMITERS.indexOf(c) >= 0
                || VALUE_CHARACTERS.indexOf(c) >= 0) {
            return Optional.of("'" + delim + "' cannot be the path delimiter; it must be a visible ASCII "
                    + "character that is not a letter, digit, '%', '.', '-', '_' or one of " + RESERVED_DELIMITERS);
        }
        return Optional.empty();
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    static boolean isBlank(String text) {
        return text == null || text.isEmpty();
    }
}
