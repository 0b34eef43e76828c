package io.livepush.mediavault;

/**
 * The MediaVault terms of one token string, a query or a cookie value (reference/mediavault.md §4, §5), parsed
 * without regular expressions and without decoding anything that is hashed.
 * <p>
 * The first term named exactly {@code h} splits the string: the raw text before it is the signed part {@code T};
 * after it, any MediaVault name (including a second {@code h}) makes the token malformed and every other term is
 * ignored. Before it, a repeated MediaVault name, a bad number (digits only, no overflow), an unparsable {@code ip},
 * a broken percent-escape in {@code ip}/{@code r}/{@code cp}, {@code ci} without {@code cd}, any {@code va} (no
 * algorithm sets are configured here) or any {@code t} (exclusive with every other term) make it malformed.
 */
final class TokenTerms {

    /** Value of a numeric term that is not present. */
    static final long ABSENT = -1;

    private static final int H = 0;
    private static final int S = 1;
    private static final int E = 2;
    private static final int P = 3;
    private static final int IP = 4;
    private static final int R = 5;
    private static final int RI = 6;
    private static final int RS = 7;
    private static final int VA = 8;
    private static final int T = 9;
    private static final int CF = 10;
    private static final int CD = 11;
    private static final int CI = 12;
    private static final int CP = 13;
    private static final int MAX_DIGITS = 19;

    private String signedPart;
    private byte[] digest;
    private boolean hasDigest;
    private boolean malformed;
    private int seen;
    private long start = ABSENT;
    private long end = ABSENT;
    private long prefix = ABSENT;
    private long cookieFinal = ABSENT;
    private long cookieDuration = ABSENT;
    private long cookieInitial = ABSENT;
    private String rawIp;
    private String rawReferrers;
    private String rawCookiePaths;
    private long legacyEnd = ABSENT;
    private byte[] legacyDigest;
    private AddressRule ipRule;
    private String referrers;
    private String cookiePaths;

    private TokenTerms() {
    }

    /** Parses {@code terms} (a raw query without {@code ?}, or a cookie value); never {@code null}. */
    static TokenTerms parse(String terms) {
        TokenTerms parsed = new TokenTerms();
        int length = terms.length();
        int hStart = -1;
        int from = 0;
        while (true) {
            int amp = terms.indexOf('&', from);
            int to = amp < 0 ? length : amp;
            int eq = terms.indexOf('=', from);
            int nameEnd = eq < 0 || eq > to ? to : eq;
            int id = idOf(terms, from, nameEnd);
            // A customer's own term (id < 0) is simply part of T before h and ignored after it.
            if (id >= 0) {
                String value = nameEnd < to ? terms.substring(nameEnd + 1, to) : null;
                hStart = parsed.accept(id, value, from, hStart);
            }
            if (amp < 0) {
                break;
            }
            from = amp + 1;
        }
        parsed.signedPart = hStart < 0 ? terms : hStart == 0 ? "" : terms.substring(0, hStart - 1);
        parsed.malformed |= parsed.has(CI) && !parsed.has(CD) || parsed.has(VA) || parsed.has(T);
        return parsed;
    }

    /** Records one MediaVault term found at {@code from}; returns the (possibly new) start of the h term. */
    private int accept(int id, String value, int from, int hStart) {
        if (hStart >= 0 || id != H && has(id)) {
            malformed = true;
            return hStart;
        }
        if (id == H) {
            hasDigest = true;
            digest = value == null ? null : TokenDigests.unhex(value, 0, value.length());
            malformed |= digest == null;
            return from;
        }
        seen |= 1 << id;
        assign(id, value);
        return hStart;
    }

    private void assign(int id, String value) {
        switch (id) {
            case S -> start = number(value);
            case E -> end = number(value);
            case P -> prefix = number(value);
            case CF -> cookieFinal = number(value);
            case CD -> cookieDuration = number(value);
            case CI -> cookieInitial = number(value);
            case RI, RS, VA -> number(value);
            case IP -> {
                rawIp = value;
                String decoded = value == null ? null : PercentEncoding.decode(value);
                ipRule = decoded == null ? null : AddressRule.parse(decoded);
                malformed |= ipRule == null;
            }
            case R -> {
                rawReferrers = value;
                referrers = value == null ? null : PercentEncoding.decode(value);
                malformed |= referrers == null;
            }
            case CP -> {
                rawCookiePaths = value;
                cookiePaths = value == null ? null : PercentEncoding.decode(value);
                malformed |= cookiePaths == null;
            }
            default -> assignLegacy(value);
        }
    }

    /** Parses {@code t=<end>_<md5>} (§14) into separate fields; a bad value leaves the digest {@code null}. */
    private void assignLegacy(String value) {
        int underscore = value == null ? -1 : value.indexOf('_');
        if (underscore <= 0) {
            return;
        }
        // number() may mark the token malformed; harmless, since a token with t is never an h token.
        long parsedEnd = number(value.substring(0, underscore));
        byte[] parsedDigest = TokenDigests.unhex(value, underscore + 1, value.length());
        if (parsedEnd != ABSENT && parsedDigest != null) {
            legacyEnd = parsedEnd;
            legacyDigest = parsedDigest;
        }
    }

    /** Parses a non-negative decimal of at most 19 digits; marks the token malformed and returns ABSENT otherwise. */
    private long number(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_DIGITS) {
            malformed = true;
            return ABSENT;
        }
        long result = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9' || result > (Long.MAX_VALUE - (c - '0')) / 10) {
                malformed = true;
                return ABSENT;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private static int idOf(String terms, int from, int to) {
        if (to - from < 1 || to - from > 2) {
            return -1;
        }
        return switch (terms.substring(from, to)) {
            case "h" -> H;
            case "s" -> S;
            case "e" -> E;
            case "p" -> P;
            case "ip" -> IP;
            case "r" -> R;
            case "ri" -> RI;
            case "rs" -> RS;
            case "va" -> VA;
            case "t" -> T;
            case "cf" -> CF;
            case "cd" -> CD;
            case "ci" -> CI;
            case "cp" -> CP;
            default -> -1;
        };
    }

    private boolean has(int id) {
        return (seen & 1 << id) != 0;
    }

    /** Whether an {@code h} term is present (well-formed or not). */
    boolean hasDigest() {
        return hasDigest;
    }

    /** Whether the token breaks a syntax rule; meaningful only when {@link #hasDigest()}. */
    boolean isMalformed() {
        return malformed;
    }

    /** Whether the only MediaVault term is {@code t} (the legacy form, §14), however well-formed its value is. */
    boolean isLegacyOnly() {
        return !hasDigest && seen == 1 << T;
    }

    /** The decoded {@code h}, or {@code null}. */
    byte[] digest() {
        return digest;
    }

    /** The raw text before the {@code h} term (T), or the whole string when there is none. */
    String signedPart() {
        return signedPart;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    long prefix() {
        return prefix;
    }

    long cookieFinal() {
        return cookieFinal;
    }

    long cookieDuration() {
        return cookieDuration;
    }

    long cookieInitial() {
        return cookieInitial;
    }

    String rawIp() {
        return rawIp;
    }

    String rawReferrers() {
        return rawReferrers;
    }

    String rawCookiePaths() {
        return rawCookiePaths;
    }

    /** The end time of a well-formed {@code t} value, or {@link #ABSENT}. */
    long legacyEnd() {
        return legacyEnd;
    }

    /** The digest of a well-formed {@code t} value, or {@code null} when {@code t} is absent or malformed. */
    byte[] legacyDigest() {
        return legacyDigest;
    }

    AddressRule ipRule() {
        return ipRule;
    }

    String referrers() {
        return referrers;
    }

    String cookiePaths() {
        return cookiePaths;
    }
}
