package io.livepush.playback;

/**
 * The part of an object in flight a request asks for: the whole object, or one closed byte range
 * {@code bytes=first-last} (the form LL-HLS players use for a part of a growing segment). Every other {@code Range}
 * (open-ended, suffix, several ranges, another unit, malformed) and any {@code Range} with {@code If-Range} is
 * ignored, as RFC 9110 §14.2 allows: the answer is then the whole object, {@code 200}, so no client mistakes it for
 * the part it asked for. Pure logic: no servlet types.
 *
 * @param first the first byte sent
 * @param end   one past the last byte sent; {@link Long#MAX_VALUE} for "until the upload ends"
 */
public record InFlightRange(long first, long end) {

    /** The whole object, however long it grows. */
    public static final InFlightRange WHOLE = new InFlightRange(0, Long.MAX_VALUE);

    private static final String UNIT = "bytes=";

    /** What a request with these headers gets; {@link #WHOLE} unless {@code range} is one closed byte range. */
    public static InFlightRange of(String range, String ifRange) {
        if (range == null || ifRange != null || !range.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
            return WHOLE;
        }
        String spec = range.substring(UNIT.length()).trim();
        int dash = spec.indexOf('-');
        if (dash <= 0 || dash == spec.length() - 1 || spec.indexOf(',') >= 0) {
            return WHOLE;
        }
        long first = digits(spec.substring(0, dash).trim());
        long last = digits(spec.substring(dash + 1).trim());
        if (first < 0 || last < first || last == Long.MAX_VALUE) {
            return WHOLE;
        }
        return new InFlightRange(first, last + 1);
    }

    /** Whether this is one byte range (answered {@code 206}) rather than the whole object. */
    public boolean partial() {
        return end != Long.MAX_VALUE;
    }

    /** The {@code Content-Range} of a partial answer: the object's full length is not known yet. */
    public String contentRange() {
        return "bytes " + first + "-" + (end - 1) + "/*";
    }

    /** The {@code Content-Length} of a partial answer. */
    public long length() {
        return end - first;
    }

    /** A non-negative decimal that fits a long, else -1. */
    private static long digits(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(text);
    }
}
