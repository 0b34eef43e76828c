package io.livepush.mediavault;

import java.util.Arrays;

/**
 * Parses IPv4 and IPv6 literals into bytes by hand, so nothing here can ever trigger a DNS lookup (unlike
 * {@code InetAddress.getByName}). Strict: four decimal octets without leading zeros, or RFC 4291 text form with at
 * most one {@code ::} and an optional dotted IPv4 tail. Every method returns {@code null} for bad input.
 */
final class AddressLiterals {

    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;
    private static final int IPV6_WORDS = 8;
    private static final int MAPPED_PREFIX_BYTES = 12;

    private AddressLiterals() {
    }

    /**
     * Parses a client address as a servlet container reports it: IPv4, or IPv6 optionally in brackets and with a
     * zone id. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is returned as IPv4 (§8).
     */
    static byte[] parseClient(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String address = text;
        if (address.length() > 2 && address.charAt(0) == '[' && address.charAt(address.length() - 1) == ']') {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        byte[] bytes = parse(address);
        return bytes == null ? null : unmapped(bytes);
    }

    /** Parses an IPv4 or IPv6 literal without brackets, zone or prefix; mapped addresses stay IPv6. */
    static byte[] parse(String text) {
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    /** Returns the IPv4 address inside an IPv4-mapped IPv6 address, or {@code bytes} itself. */
    static byte[] unmapped(byte[] bytes) {
        return isMapped(bytes) ? Arrays.copyOfRange(bytes, MAPPED_PREFIX_BYTES, IPV6_BYTES) : bytes;
    }

    /** Returns whether {@code bytes} is an IPv4-mapped IPv6 address ({@code ::ffff:0:0/96}). */
    static boolean isMapped(byte[] bytes) {
        if (bytes.length != IPV6_BYTES || bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] parseIpv4(String text) {
        byte[] out = new byte[IPV4_BYTES];
        int octet = 0;
        int start = 0;
        int length = text.length();
        for (int i = 0; i <= length; i++) {
            if (i < length && text.charAt(i) != '.') {
                continue;
            }
            if (octet == IPV4_BYTES) {
                return null;
            }
            int value = parseOctet(text, start, i);
            if (value < 0) {
                return null;
            }
            out[octet++] = (byte) value;
            start = i + 1;
        }
        return octet == IPV4_BYTES ? out : null;
    }

    /** Parses 1–3 decimal digits up to 255; a leading zero is refused because some parsers read it as octal. */
    private static int parseOctet(String text, int start, int end) {
        int length = end - start;
        if (length < 1 || length > 3 || length > 1 && text.charAt(start) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    static byte[] parseIpv6(String text) {
        int length = text.length();
        if (length < 2 || text.charAt(0) == ':' && text.charAt(1) != ':') {
            return null;
        }
        byte[] out = new byte[IPV6_BYTES];
        int word = 0;
        int gap = text.startsWith("::") ? 0 : -1;
        int i = gap == 0 ? 2 : 0;
        while (i < length) {
            int end = text.indexOf(':', i);
            end = end < 0 ? length : end;
            if (end == i || word == IPV6_WORDS) {
                return null;
            }
            if (end == length && text.indexOf('.', i) >= 0) {
                byte[] tail = word <= IPV6_WORDS - 2 ? parseIpv4(text.substring(i)) : null;
                if (tail == null) {
                    return null;
                }
                System.arraycopy(tail, 0, out, word * 2, IPV4_BYTES);
                return expandGap(out, word + 2, gap);
            }
            int value = parseHexWord(text, i, end);
            if (value < 0) {
                return null;
            }
            out[word * 2] = (byte) (value >> 8);
            out[word * 2 + 1] = (byte) value;
            word++;
            if (end == length) {
                break;
            }
            boolean doubleColon = end + 1 < length && text.charAt(end + 1) == ':';
            if (doubleColon && gap >= 0 || !doubleColon && end + 1 == length) {
                return null;
            }
            gap = doubleColon ? word : gap;
            i = doubleColon ? end + 2 : end + 1;
        }
        return expandGap(out, word, gap);
    }

    private static byte[] expandGap(byte[] out, int words, int gap) {
        if (gap < 0) {
            return words == IPV6_WORDS ? out : null;
        }
        if (words == IPV6_WORDS) {
            // "::" must stand for at least one zero group.
            return null;
        }
        int tailBytes = (words - gap) * 2;
        System.arraycopy(out, gap * 2, out, IPV6_BYTES - tailBytes, tailBytes);
        Arrays.fill(out, gap * 2, IPV6_BYTES - tailBytes, (byte) 0);
        return out;
    }

    private static int parseHexWord(String text, int start, int end) {
        if (end - start > 4) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }
}
