package io.livepush.net;

import java.util.Optional;

/**
 * Strict parsing and formatting of IP address literals, as found in configuration and in
 * {@code ServletRequest.getRemoteAddr()}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Never causes a DNS lookup: the text is parsed character by character and never handed to
 *       {@code InetAddress.getByName}. A host name such as {@code localhost} is simply not an address.</li>
 *   <li>Accepts IPv4 only as four decimal parts 0-255 without leading zeros ({@code 010.0.0.1} is rejected, because
 *       other parsers read it as octal), and IPv6 only in the text forms of RFC 4291 section 2.2: one to four hex
 *       digits per group, at most one {@code ::}, an optional dotted IPv4 tail, any letter case. Zone ids
 *       ({@code fe80::1%eth0}), brackets, whitespace, signs and non-ASCII digits are rejected.</li>
 *   <li>{@link #parse}, {@link #tryParse} and {@link #isValid} return the address exactly as written: 4 bytes for
 *       IPv4, 16 bytes for IPv6. Only {@link #parseForMatching} turns an IPv4-mapped IPv6 address
 *       ({@code ::ffff:192.0.2.1}, {@code ::ffff:c000:201}) into its 4-byte IPv4 form.</li>
 *   <li>{@link #tryParse} and {@link #isValid} never throw and use no exceptions internally; parsing allocates only
 *       the result array, so it is cheap enough to run on every request.</li>
 * </ul>
 */
public final class IpLiterals {

    /** "255.255.255.255". */
    private static final int MAX_IPV4_LENGTH = 15;
    /** "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255". */
    private static final int MAX_IPV6_LENGTH = 45;
    private static final int IPV6_GROUPS = 8;

    private IpLiterals() {
    }

    /**
     * Parses an IPv4 or IPv6 literal.
     *
     * @param text the literal, e.g. {@code 192.0.2.1} or {@code 2001:db8::1}
     * @return a new array of 4 (IPv4) or 16 (IPv6) bytes in network order; IPv4-mapped IPv6 stays 16 bytes
     * @throws IllegalArgumentException if {@code text} is null or not a literal, quoting it
     */
    public static byte[] parse(String text) {
        byte[] address = parseOrNull(text);
        if (address == null) {
            throw new IllegalArgumentException(notAnAddress(text));
        }
        return address;
    }

    /**
     * Parses a literal for matching against address blocks: as {@link #parse}, except that an IPv4-mapped IPv6
     * address ({@code ::ffff:a.b.c.d} or {@code ::ffff:xxxx:xxxx}) comes back as its 4 IPv4 bytes, so that a client
     * reported as {@code ::ffff:192.0.2.1} is treated exactly like {@code 192.0.2.1}.
     *
     * @param text the literal
     * @return a new array of 4 or 16 bytes; 16 only for addresses that are not IPv4-mapped
     * @throws IllegalArgumentException if {@code text} is null or not a literal, quoting it
     */
    public static byte[] parseForMatching(String text) {
        return unmap(parse(text));
    }

    /**
     * Parses a literal without throwing.
     *
     * @param text the literal, may be null
     * @return the bytes as {@link #parse} returns them, or empty if {@code text} is not a literal
     */
    public static Optional<byte[]> tryParse(String text) {
        return Optional.ofNullable(parseOrNull(text));
    }

    /**
     * Tells whether {@link #parse} would accept the text.
     *
     * @param text the literal, may be null
     * @return true if {@code text} is an IPv4 or IPv6 literal
     */
    public static boolean isValid(String text) {
        return parseOrNull(text) != null;
    }

    /**
     * Tells whether 16 address bytes lie in {@code ::ffff:0:0/96}, the IPv4-mapped IPv6 range.
     *
     * @param address 4 or 16 bytes
     * @return true for a 16-byte IPv4-mapped address; false for any other array
     */
    public static boolean isIpv4Mapped(byte[] address) {
        if (address.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    /**
     * Formats address bytes as canonical text: dotted decimal for IPv4; for IPv6 the RFC 5952 form (lowercase,
     * no leading zeros, the longest run of two or more zero groups compressed to {@code ::}, the first one on a
     * tie), with IPv4-mapped addresses written as {@code ::ffff:192.0.2.1} as RFC 5952 section 5 recommends.
     *
     * @param address 4 or 16 bytes in network order
     * @return the canonical literal, which {@link #parse} turns back into the same bytes
     * @throws IllegalArgumentException if the array is not 4 or 16 bytes long
     */
    public static String format(byte[] address) {
        if (address.length == 4) {
            return formatIpv4(address, 0, new StringBuilder(MAX_IPV4_LENGTH)).toString();
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("An IP address has 4 or 16 bytes, not " + address.length);
        }
        if (isIpv4Mapped(address)) {
            return formatIpv4(address, 12, new StringBuilder(MAX_IPV6_LENGTH).append("::ffff:")).toString();
        }
        return formatIpv6(address);
    }

    /** Returns the parsed bytes, or null if the text is not a literal; the allocation-free core of every parser. */
    static byte[] parseOrNull(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_IPV6_LENGTH) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            if (text.length() > MAX_IPV4_LENGTH) {
                return null;
            }
            byte[] address = new byte[4];
            return parseIpv4(text, 0, address, 0) ? address : null;
        }
        byte[] address = new byte[16];
        return parseIpv6(text, address) ? address : null;
    }

    /** Returns the 4 IPv4 bytes of an IPv4-mapped address, else the array itself. */
    static byte[] unmap(byte[] address) {
        if (!isIpv4Mapped(address)) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }

    static String notAnAddress(String text) {
        return "'" + text + "' is not an IP address";
    }

    /** Parses {@code text[from..]} as exactly four dotted decimal parts into {@code out[offset..offset+3]}. */
    private static boolean parseIpv4(String text, int from, byte[] out, int offset) {
        int end = text.length();
        int i = from;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= end || text.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
            int start = i;
            int value = 0;
            // ASCII digits only: Character.isDigit would let "１.2.3.4" (fullwidth digits) through.
            while (i < end && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + text.charAt(i) - '0';
                i++;
            }
            int digits = i - start;
            // A leading zero is rejected, not ignored: inet_aton and some URL parsers read "010" as octal 8.
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return false;
            }
            out[offset + part] = (byte) value;
        }
        return i == end;
    }

    /** Parses an RFC 4291 text form into {@code out}, which must be 16 zeroed bytes. */
    private static boolean parseIpv6(String text, byte[] out) {
        int end = text.length();
        int groups = 0;
        int gapAt = -1;
        int i = 0;
        if (text.startsWith("::")) {
            gapAt = 0;
            i = 2;
        }
        while (i < end) {
            if (groups == IPV6_GROUPS) {
                return false;
            }
            int groupEnd = skipHexDigits(text, i);
            if (groupEnd < end && text.charAt(groupEnd) == '.') {
                // The dotted IPv4 tail fills the last two groups and must end the text.
                return groups <= IPV6_GROUPS - 2 && parseIpv4(text, i, out, groups * 2)
                        && expandGap(out, groups + 2, gapAt);
            }
            if (groupEnd == i) {
                return false;
            }
            int value = Integer.parseUnsignedInt(text, i, groupEnd, 16);
            out[groups * 2] = (byte) (value >>> 8);
            out[groups * 2 + 1] = (byte) value;
            groups++;
            i = groupEnd;
            if (i < end) {
                if (text.charAt(i) != ':' || i + 1 == end) {
                    return false;
                }
                i++;
                if (text.charAt(i) == ':') {
                    if (gapAt >= 0) {
                        return false;
                    }
                    gapAt = groups;
                    i++;
                }
            }
        }
        return expandGap(out, groups, gapAt);
    }

    /** Returns the index after at most four hex digits starting at {@code from}. */
    private static int skipHexDigits(String text, int from) {
        int i = from;
        while (i < text.length() && i - from < 4 && isHexDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Moves the groups after {@code ::} to the end of the address; {@code ::} stands for at least one group. */
    private static boolean expandGap(byte[] out, int groups, int gapAt) {
        if (gapAt < 0) {
            return groups == IPV6_GROUPS;
        }
        if (groups >= IPV6_GROUPS) {
            return false;
        }
        int tailBytes = (groups - gapAt) * 2;
        System.arraycopy(out, gapAt * 2, out, 16 - tailBytes, tailBytes);
        for (int b = gapAt * 2; b < 16 - tailBytes; b++) {
            out[b] = 0;
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static StringBuilder formatIpv4(byte[] address, int offset, StringBuilder out) {
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(address[offset + i] & 0xff);
        }
        return out;
    }

    private static String formatIpv6(byte[] address) {
        int[] groups = new int[IPV6_GROUPS];
        for (int g = 0; g < IPV6_GROUPS; g++) {
            groups[g] = ((address[g * 2] & 0xff) << 8) | (address[g * 2 + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < IPV6_GROUPS; g++) {
            int length = 0;
            while (g + length < IPV6_GROUPS && groups[g + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = g;
                bestLength = length;
            }
            g += length;
        }
        StringBuilder out = new StringBuilder(39);
        for (int g = 0; g < IPV6_GROUPS; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[g]));
        }
        return out.toString();
    }
}
