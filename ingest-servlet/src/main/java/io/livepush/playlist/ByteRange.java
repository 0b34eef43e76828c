package io.livepush.playlist;

/**
 * A byte range of an HLS resource ({@code <n>[@<o>]}, RFC 8216 §4.4.4.2).
 *
 * @param length the number of bytes
 * @param offset the first byte, or {@code -1} when the range follows the previous one of the same resource
 */
public record ByteRange(long length, long offset) {

    public ByteRange {
        if (length < 0 || offset < -1) {
            throw new IllegalArgumentException("'" + length + "@" + offset + "' is not a byte range");
        }
    }

    /** Parses {@code n[@o]}. */
    public static ByteRange parse(String value) {
        int at = value.indexOf('@');
        try {
            return at < 0 ? new ByteRange(Long.parseLong(value.trim()), -1)
                    : new ByteRange(Long.parseLong(value.substring(0, at).trim()),
                            Long.parseLong(value.substring(at + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a byte range", e);
        }
    }

    /** Returns whether the range states its first byte. */
    public boolean hasOffset() {
        return offset >= 0;
    }

    /** The attribute or tag value: {@code n@o}, or {@code n} without an offset. */
    @Override
    public String toString() {
        return hasOffset() ? length + "@" + offset : Long.toString(length);
    }
}
