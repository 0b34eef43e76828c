package io.livepush.mediavault;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds signed playback URLs exactly as a MediaVault customer's signer does (reference/mediavault.md §4, §7, §13,
 * §14): for the portal's test-URL generator and for tests.
 * <p>
 * {@link #sign} appends the terms in the order given (order is part of the signature) after any query the URL
 * already has, hashes {@code secret + B + "?" + T}, where B is the first {@code p} characters of the URL when a
 * {@code p} term is given, and appends {@code &h=<lower-case md5>} ({@code ?h=} when there are no terms). The URL is
 * returned in the form the verifier hashes: scheme and host lower-cased, default port dropped. Terms the verifier
 * would reject as malformed (duplicates, bad numbers or addresses, {@code va}, {@code t}, {@code ci} without
 * {@code cd}) are refused here with {@link IllegalArgumentException}. The secret never appears in a message or in
 * {@link #toString()}.
 */
public final class MediaVaultSigner {

    private final byte[] secret;

    /**
     * Creates a signer.
     *
     * @throws IllegalArgumentException if the secret breaks the rule of {@link MediaVaultSettings#isValidSecret}
     */
    public MediaVaultSigner(String secret) {
        if (!MediaVaultSettings.isValidSecret(secret)) {
            throw new IllegalArgumentException("A MediaVault secret is " + MediaVaultSettings.MIN_SECRET_LENGTH
                    + " to " + MediaVaultSettings.MAX_SECRET_LENGTH + " letters or digits");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Signs {@code url} with {@code terms} in the given order. */
    public String sign(String url, Term... terms) {
        return sign(url, Arrays.asList(terms));
    }

    /**
     * Signs {@code url} with {@code terms} in the given order.
     *
     * @param url   absolute URL, possibly with a query of the customer's own (it becomes part of the signed terms)
     * @param terms MediaVault terms, never {@code h}
     * @return the signed URL
     * @throws IllegalArgumentException if the URL is not absolute or already signed, or the terms are malformed
     */
    public String sign(String url, List<Term> terms) {
        RequestUrl parsed = RequestUrl.parse(url);
        if (TokenTerms.parse(parsed.query()).hasDigest()) {
            throw new IllegalArgumentException("'" + parsed.base() + "' already carries an h term");
        }
        StringBuilder signed = new StringBuilder(parsed.query());
        for (Term term : terms) {
            signed.append(signed.length() == 0 ? "" : "&").append(term.name()).append('=').append(term.value());
        }
        TokenTerms check = TokenTerms.parse(signed + (signed.length() == 0 ? "" : "&") + "h=" + "0".repeat(32));
        if (check.isMalformed()) {
            throw new IllegalArgumentException("The terms '" + signed + "' would be rejected as malformed");
        }
        String prefix = RequestUrl.prefixOf(parsed.base(), check.prefix());
        String digest = signed.length() == 0
                ? TokenDigests.hex(TokenDigests.md5(secret, prefix))
                : TokenDigests.hex(TokenDigests.md5(secret, prefix, "?", signed.toString()));
        return parsed.base() + (signed.length() == 0 ? "?h=" : "?" + signed + "&h=") + digest;
    }

    /**
     * Signs {@code url} in the legacy form {@code ?t=<end>_<md5>} with MD5 over {@code secret + U + "?e=" + end}
     * (§14; the verifier accepts it only when legacy tokens are enabled).
     *
     * @throws IllegalArgumentException if the URL has a query or {@code end} is negative
     */
    public String signLegacy(String url, long end) {
        RequestUrl parsed = RequestUrl.parse(url);
        if (!parsed.query().isEmpty() || end < 0) {
            throw new IllegalArgumentException("'" + parsed.base() + "' cannot carry a legacy token ending " + end);
        }
        String digest = TokenDigests.hex(TokenDigests.md5(secret, parsed.base(), "?e=" + end));
        return parsed.base() + "?t=" + end + "_" + digest;
    }

    /**
     * Returns the {@code p} value that covers the directory of {@code url}: the length of the canonical URL up to
     * and including the last {@code /} of its path.
     */
    public static int directoryPrefixLength(String url) {
        String base = RequestUrl.parse(url).base();
        return base.lastIndexOf('/') + 1;
    }

    /**
     * Moves the token of a signed URL into a path segment (§13): the terms up to and including {@code h} are joined
     * with {@code pathDelim}, prefixed with {@code pathToken} and inserted as a segment at {@code insertAt}; any
     * unsigned terms after {@code h} stay in the query. The verifier turns the result back into {@code signedUrl}.
     *
     * @param signedUrl a URL from {@link #sign}
     * @param insertAt  a character position in the URL without query, right after a {@code /} of the path and
     *                  before its end (e.g. the signed {@code p}), so that relative URIs below it inherit the token
     * @param pathToken the marker, as in {@link MediaVaultSettings#pathToken()}
     * @param pathDelim the delimiter, as in {@link MediaVaultSettings#pathDelim()}
     * @throws IllegalArgumentException if any argument does not fit, or a term holds {@code /} or the delimiter
     */
    public static String toPathBased(String signedUrl, int insertAt, String pathToken, String pathDelim) {
        SettingsProblems.pathTokenProblem(pathToken).ifPresent(MediaVaultSigner::reject);
        SettingsProblems.pathDelimProblem(pathDelim).ifPresent(MediaVaultSigner::reject);
        RequestUrl parsed = RequestUrl.parse(signedUrl);
        String base = parsed.base();
        if (insertAt <= parsed.originLength() || insertAt >= base.length() || base.charAt(insertAt - 1) != '/') {
            reject("Position " + insertAt + " is not right after a '/' inside the path of '" + base + "'");
        }
        String query = parsed.query();
        TokenTerms terms = TokenTerms.parse(query);
        if (!terms.hasDigest()) {
            reject("'" + base + "' is not signed");
        }
        int hStart = terms.signedPart().isEmpty() ? 0 : terms.signedPart().length() + 1;
        int hEnd = query.indexOf('&', hStart);
        String token = hEnd < 0 ? query : query.substring(0, hEnd);
        String rest = hEnd < 0 ? "" : query.substring(hEnd + 1);
        if (token.indexOf('/') >= 0 || token.contains(pathDelim)) {
            reject("The terms of '" + base + "' contain '/' or '" + pathDelim + "' and cannot go into a path");
        }
        return base.substring(0, insertAt) + pathToken + token.replace("&", pathDelim) + "/"
                + base.substring(insertAt) + (rest.isEmpty() ? "" : "?" + rest);
    }

    private static void reject(String message) {
        throw new IllegalArgumentException(message);
    }

    @Override
    public String toString() {
        return "MediaVaultSigner[secret=(set)]";
    }

    /**
     * One MediaVault term, {@code name=value}, with factories for the documented names (§5). Values are used raw:
     * pass them un-encoded and free of {@code &} and {@code #}.
     *
     * @param name  the term name; not {@code h}
     * @param value the raw value
     */
    public record Term(String name, String value) {

        /** Validates name and value. */
        public Term {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || "h".equals(name) || containsAny(name, "&=#?") || containsAny(value, "&#")) {
                throw new IllegalArgumentException("'" + name + "' cannot be signed as a MediaVault term");
            }
        }

        /** {@code s}: valid from this epoch second. */
        public static Term start(long epochSeconds) {
            return new Term("s", Long.toString(epochSeconds));
        }

        /** {@code e}: valid until this epoch second, inclusive. */
        public static Term end(long epochSeconds) {
            return new Term("e", Long.toString(epochSeconds));
        }

        /** {@code p}: the signature covers only the first {@code length} characters of the URL. */
        public static Term prefix(int length) {
            return new Term("p", Integer.toString(length));
        }

        /** {@code ip}: an address, CIDR block or address/netmask the client must be in. */
        public static Term ip(String rule) {
            return new Term("ip", rule);
        }

        /** {@code r}: referrer domains, joined with commas. */
        public static Term referrers(String... domains) {
            return new Term("r", String.join(",", domains));
        }

        /** {@code cf}: cookie mode, final expiry in epoch seconds. */
        public static Term cookieFinal(long epochSeconds) {
            return new Term("cf", Long.toString(epochSeconds));
        }

        /** {@code cd}: cookie mode, seconds each renewed cookie lives. */
        public static Term cookieDuration(long seconds) {
            return new Term("cd", Long.toString(seconds));
        }

        /** {@code ci}: cookie mode, seconds the first cookie lives. */
        public static Term cookieInitial(long seconds) {
            return new Term("ci", Long.toString(seconds));
        }

        /** {@code cp}: cookie mode, path patterns ({@code *} wildcard), joined with commas. */
        public static Term cookiePaths(String... patterns) {
            return new Term("cp", String.join(",", patterns));
        }

        private static boolean containsAny(String text, String characters) {
            for (int i = 0; i < text.length(); i++) {
                if (characters.indexOf(text.charAt(i)) >= 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
