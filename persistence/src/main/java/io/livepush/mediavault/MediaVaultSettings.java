package io.livepush.mediavault;

import io.livepush.security.Secrets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A slot's MediaVault configuration (reference/mediavault.md §2), validated on construction.
 * <p>
 * Rules, each reported under the component's name by {@link #problems}:
 * <ul>
 *   <li>{@code mode} is required.</li>
 *   <li>A secret is {@value #MIN_SECRET_LENGTH}–{@value #MAX_SECRET_LENGTH} ASCII letters or digits (the docs say
 *       "alphanumeric"; the upper bound is the database column, the lower one keeps guessable secrets out).</li>
 *   <li>A mode other than {@link MediaVaultMode#NONE} needs a primary secret; a secondary secret needs a primary
 *       one and must differ from it.</li>
 *   <li>{@code denyStatus} is an error status, {@value #MIN_DENY_STATUS}–{@value #MAX_DENY_STATUS}; Edgio lets
 *       customers pick any "Deny Status Code", and a 2xx or 3xx would hide the rejection from players.</li>
 *   <li>{@code pathBased} is not allowed with {@code NONE}.</li>
 *   <li>{@code pathToken}: {@value #MIN_PATH_TOKEN_LENGTH}–{@value #MAX_PATH_TOKEN_LENGTH} characters of
 *       {@code A-Z a-z 0-9 / =}, not slashes only (§13); because it must start a path segment it may not start or
 *       end with {@code /} or contain {@code //}.</li>
 *   <li>{@code pathDelim}: one visible ASCII character, not a letter or digit and not one of
 *       {@code : / ? # [ ] @ ! $ & ' ( ) * + , ; =} (§13); {@code % . - _} are refused too, since they occur inside
 *       term values. Characters other than {@code ~} must also be admitted by the connector's
 *       {@code relaxedPathChars}.</li>
 *   <li>{@code clockSkewSeconds} is 0–{@value #MAX_CLOCK_SKEW_SECONDS}.</li>
 * </ul>
 * Empty secrets are stored as {@code null}; a {@code null} marker or delimiter takes the default. {@link #toString()}
 * never shows a secret and {@link #equals} compares secrets in constant time.
 *
 * @param mode             which objects need a token
 * @param primarySecret    the secret tried first and used to mint cookies; {@code null} only with {@code NONE}
 * @param secondarySecret  the secret tried second (rotation), or {@code null}
 * @param denyStatus       the HTTP status of every MediaVault rejection, default {@value #DEFAULT_DENY_STATUS}
 * @param pathBased        whether tokens may also arrive as a path segment (§13)
 * @param pathToken        the path-based marker, default {@value #DEFAULT_PATH_TOKEN}
 * @param pathDelim        the path-based term delimiter, default {@value #DEFAULT_PATH_DELIM}
 * @param strictReferrer   whether a missing or unparsable {@code Referer} fails an {@code r} rule
 * @param clockSkewSeconds tolerance applied to {@code s}, {@code e} and {@code cf}, default 0
 */
public record MediaVaultSettings(MediaVaultMode mode, String primarySecret, String secondarySecret, int denyStatus,
        boolean pathBased, String pathToken, String pathDelim, boolean strictReferrer, int clockSkewSeconds) {

    /** Field name of {@link #mode()} in {@link #problems} maps. */
    public static final String MODE = "mode";
    /** Field name of {@link #primarySecret()} in {@link #problems} maps. */
    public static final String PRIMARY_SECRET = "primarySecret";
    /** Field name of {@link #secondarySecret()} in {@link #problems} maps. */
    public static final String SECONDARY_SECRET = "secondarySecret";
    /** Field name of {@link #denyStatus()} in {@link #problems} maps. */
    public static final String DENY_STATUS = "denyStatus";
    /** Field name of {@link #pathBased()} in {@link #problems} maps. */
    public static final String PATH_BASED = "pathBased";
    /** Field name of {@link #pathToken()} in {@link #problems} maps. */
    public static final String PATH_TOKEN = "pathToken";
    /** Field name of {@link #pathDelim()} in {@link #problems} maps. */
    public static final String PATH_DELIM = "pathDelim";
    /** Field name of {@link #clockSkewSeconds()} in {@link #problems} maps. */
    public static final String CLOCK_SKEW_SECONDS = "clockSkewSeconds";

    /** Edgio's default deny status (doc CD). */
    public static final int DEFAULT_DENY_STATUS = 400;
    /** Lowest accepted deny status. */
    public static final int MIN_DENY_STATUS = 400;
    /** Highest accepted deny status. */
    public static final int MAX_DENY_STATUS = 599;
    /** Default path-based marker (doc PC). */
    public static final String DEFAULT_PATH_TOKEN = "token=";
    /** Default path-based delimiter (doc PC). */
    public static final String DEFAULT_PATH_DELIM = "~";
    /** Shortest secret accepted. */
    public static final int MIN_SECRET_LENGTH = 8;
    /** Longest secret accepted (the database column's width). */
    public static final int MAX_SECRET_LENGTH = 128;
    /** Shortest path marker accepted (the length doc PC recommends). */
    public static final int MIN_PATH_TOKEN_LENGTH = 4;
    /** Longest path marker accepted (the length doc PC recommends). */
    public static final int MAX_PATH_TOKEN_LENGTH = 12;
    /** Largest clock skew accepted; more would stretch every token by minutes. */
    public static final int MAX_CLOCK_SKEW_SECONDS = 300;

    /**
     * Validates and normalises the settings.
     *
     * @throws IllegalArgumentException naming every invalid field (never a secret's value)
     */
    public MediaVaultSettings {
        primarySecret = emptyToNull(primarySecret);
        secondarySecret = emptyToNull(secondarySecret);
        pathToken = pathToken == null ? DEFAULT_PATH_TOKEN : pathToken;
        pathDelim = pathDelim == null ? DEFAULT_PATH_DELIM : pathDelim;
        Map<String, String> problems = problems(mode, primarySecret, secondarySecret, denyStatus, pathBased,
                pathToken, pathDelim, clockSkewSeconds);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid MediaVault settings: " + problems.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining("; ")));
        }
    }

    /** Returns settings with MediaVault off: mode {@code NONE}, no secrets, every other value at its default. */
    public static MediaVaultSettings disabled() {
        return builder().build();
    }

    /** Returns a builder preset with the defaults (mode {@code NONE}). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns every problem of the given values, keyed by field name ({@link #MODE}, {@link #PRIMARY_SECRET}, ...),
     * in field order; empty when they make valid settings. For inline messages in forms. A {@code null} or empty
     * secret means "none"; a {@code null} marker or delimiter is reported (the constructor would use the default).
     */
    public static Map<String, String> problems(MediaVaultMode mode, String primarySecret, String secondarySecret,
            int denyStatus, boolean pathBased, String pathToken, String pathDelim, int clockSkewSeconds) {
        return Collections.unmodifiableMap(SettingsProblems.of(mode, primarySecret, secondarySecret, denyStatus,
                pathBased, pathToken, pathDelim, clockSkewSeconds));
    }

    /** Returns whether {@code secret} is {@value #MIN_SECRET_LENGTH}–{@value #MAX_SECRET_LENGTH} letters/digits. */
    public static boolean isValidSecret(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            return false;
        }
        for (int i = 0; i < secret.length(); i++) {
            if (!SettingsProblems.isAsciiLetterOrDigit(secret.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether a secondary secret is configured. */
    public boolean hasSecondarySecret() {
        return secondarySecret != null;
    }

    /** Returns a builder holding these settings, to derive changed copies. */
    public Builder toBuilder() {
        return new Builder().mode(mode).primarySecret(primarySecret).secondarySecret(secondarySecret)
                .denyStatus(denyStatus).pathBased(pathBased).pathToken(pathToken).pathDelim(pathDelim)
                .strictReferrer(strictReferrer).clockSkewSeconds(clockSkewSeconds);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MediaVaultSettings that && mode == that.mode && denyStatus == that.denyStatus
                && pathBased == that.pathBased && strictReferrer == that.strictReferrer
                && clockSkewSeconds == that.clockSkewSeconds && pathToken.equals(that.pathToken)
                && pathDelim.equals(that.pathDelim) && sameSecret(primarySecret, that.primarySecret)
                && sameSecret(secondarySecret, that.secondarySecret);
    }

    @Override
    public int hashCode() {
        // Secrets are left out on purpose: equal settings still hash equally, and no secret feeds a hash code.
        return Objects.hash(mode, denyStatus, pathBased, pathToken, pathDelim, strictReferrer, clockSkewSeconds);
    }

    @Override
    public String toString() {
        return "MediaVaultSettings[mode=" + mode + ", primarySecret=" + redacted(primarySecret)
                + ", secondarySecret=" + redacted(secondarySecret) + ", denyStatus=" + denyStatus
                + ", pathBased=" + pathBased + ", pathToken=" + pathToken + ", pathDelim=" + pathDelim
                + ", strictReferrer=" + strictReferrer + ", clockSkewSeconds=" + clockSkewSeconds + "]";
    }

    /** Compares two secrets in constant time; unlike {@link Secrets#constantTimeEquals}, two missing ones are equal. */
    private static boolean sameSecret(String a, String b) {
        return a == null ? b == null : Secrets.constantTimeEquals(a, b);
    }

    /** Returns what {@code toString} shows in place of a secret. */
    private static String redacted(String secret) {
        return secret == null ? "(none)" : "(set)";
    }

    private static String emptyToNull(String secret) {
        return secret == null || secret.isEmpty() ? null : secret;
    }

    /** Mutable draft of {@link MediaVaultSettings}, preset with the defaults; for forms and tests. */
    public static final class Builder {

        private MediaVaultMode mode = MediaVaultMode.NONE;
        private String primarySecret;
        private String secondarySecret;
        private int denyStatus = DEFAULT_DENY_STATUS;
        private boolean pathBased;
        private String pathToken = DEFAULT_PATH_TOKEN;
        private String pathDelim = DEFAULT_PATH_DELIM;
        private boolean strictReferrer;
        private int clockSkewSeconds;

        private Builder() {
        }

        /** Sets the mode. */
        public Builder mode(MediaVaultMode value) {
            mode = value;
            return this;
        }

        /** Sets the primary secret ({@code null} or empty: none). */
        public Builder primarySecret(String value) {
            primarySecret = value;
            return this;
        }

        /** Sets the secondary secret ({@code null} or empty: none). */
        public Builder secondarySecret(String value) {
            secondarySecret = value;
            return this;
        }

        /** Sets the deny status. */
        public Builder denyStatus(int value) {
            denyStatus = value;
            return this;
        }

        /** Turns path-based tokens on or off. */
        public Builder pathBased(boolean value) {
            pathBased = value;
            return this;
        }

        /** Sets the path-based marker. */
        public Builder pathToken(String value) {
            pathToken = value;
            return this;
        }

        /** Sets the path-based delimiter. */
        public Builder pathDelim(String value) {
            pathDelim = value;
            return this;
        }

        /** Turns strict referrer checking on or off. */
        public Builder strictReferrer(boolean value) {
            strictReferrer = value;
            return this;
        }

        /** Sets the clock skew in seconds. */
        public Builder clockSkewSeconds(int value) {
            clockSkewSeconds = value;
            return this;
        }

        /** Returns every problem of the current values, keyed by field name; empty when {@link #build()} works. */
        public Map<String, String> problems() {
            return MediaVaultSettings.problems(mode, primarySecret, secondarySecret, denyStatus, pathBased, pathToken,
                    pathDelim, clockSkewSeconds);
        }

        /**
         * Builds the settings.
         *
         * @throws IllegalArgumentException naming every invalid field
         */
        public MediaVaultSettings build() {
            return new MediaVaultSettings(mode, primarySecret, secondarySecret, denyStatus, pathBased, pathToken,
                    pathDelim, strictReferrer, clockSkewSeconds);
        }
    }
}
