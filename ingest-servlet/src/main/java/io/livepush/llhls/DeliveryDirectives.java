package io.livepush.llhls;

/**
 * The delivery directives a client appends to a media playlist URL (draft-pantos-hls-rfc8216bis §6.2.5):
 * {@code _HLS_msn=<M>}, {@code _HLS_part=<N>} and {@code _HLS_skip=YES|v2}. Read from the raw query, so they may
 * follow a MediaVault token ({@code &h=…}); terms after {@code h} are unsigned, and these only choose which version of
 * the same playlist is answered. Other query terms are ignored. Pure logic.
 *
 * @param msn  the media sequence number asked for, or {@code -1}
 * @param part the part index asked for, or {@code -1}
 * @param skip whether a delta update is asked for
 */
public record DeliveryDirectives(long msn, long part, boolean skip) {

    /** No directive. */
    public static final DeliveryDirectives NONE = new DeliveryDirectives(-1, -1, false);

    private static final String MSN = "_HLS_msn";
    private static final String PART = "_HLS_part";
    private static final String SKIP = "_HLS_skip";
    /** Enough digits for any sequence number, few enough for a {@code long}. */
    private static final int MAX_DIGITS = 18;

    /**
     * Reads the directives of a raw query string ({@code null} for none).
     *
     * @throws IllegalArgumentException (answered 400) for a value that is not a decimal integer or {@code YES} or
     *                                  {@code v2},
     *                                  a directive given twice, or {@code _HLS_part} without {@code _HLS_msn}
     */
    public static DeliveryDirectives parse(String query) {
        if (query == null || !query.contains("_HLS_")) {
            return NONE;
        }
        long msn = -1;
        long part = -1;
        Boolean skip = null;
        for (String term : query.split("&")) {
            int equals = term.indexOf('=');
            String name = equals < 0 ? term : term.substring(0, equals);
            String value = equals < 0 ? "" : term.substring(equals + 1);
            switch (name) {
                case MSN -> msn = once(msn, number(name, value), name);
                case PART -> part = once(part, number(name, value), name);
                case SKIP -> {
                    if (skip != null) {
                        throw new IllegalArgumentException(name + " is given twice");
                    }
                    if (!value.equals("YES") && !value.equals("v2")) {
                        throw new IllegalArgumentException("'" + value + "' is not YES or v2 for " + name);
                    }
                    skip = true;
                }
                default -> { }
            }
        }
        if (part >= 0 && msn < 0) {
            throw new IllegalArgumentException(PART + " needs " + MSN);
        }
        return new DeliveryDirectives(msn, part, skip != null);
    }

    /** Whether the client asks to be held until a segment or part is listed. */
    public boolean blocking() {
        return msn >= 0;
    }

    /** Whether any directive was given. */
    public boolean any() {
        return msn >= 0 || skip;
    }

    private static long once(long previous, long value, String name) {
        if (previous >= 0) {
            throw new IllegalArgumentException(name + " is given twice");
        }
        return value;
    }

    private static long number(String name, String value) {
        if (value.isEmpty() || value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + value + "' is not a decimal integer for " + name);
        }
        return Long.parseLong(value);
    }
}
