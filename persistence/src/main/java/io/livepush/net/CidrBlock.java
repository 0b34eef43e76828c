package io.livepush.net;

import java.util.Optional;

/**
 * An IPv4 or IPv6 address block in CIDR notation, such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Never causes a DNS lookup: the address part is parsed by {@link IpLiterals}, the prefix length as plain
 *       ASCII decimal without sign or leading zeros ({@code /08} is rejected).</li>
 *   <li>A parsed block is exact: host bits set after the prefix are an error that names the intended block
 *       ({@code '10.0.0.1/8' has host bits set; the block is '10.0.0.0/8'}), because silently masking them would
 *       hide a typo in an allow list. A bare address is a block of one ({@code /32} or {@code /128}).</li>
 *   <li>IPv4 reached over IPv6 is IPv4: a block written in the IPv4-mapped range with a prefix of 96 or more
 *       ({@code ::ffff:10.0.0.0/104}) is the IPv4 block {@code 10.0.0.0/8}, and IPv4-mapped addresses
 *       ({@code ::ffff:10.1.2.3}) are matched by IPv4 blocks. An IPv6 block therefore never matches an IPv4 client,
 *       not even {@code ::/0}: that block means "every IPv6 host", as it does in Tomcat's and Jetty's filters.</li>
 *   <li>Immutable and thread-safe. {@link #toString()} is canonical ({@code 2001:db8::/32}, lowercase, RFC 5952)
 *       and {@link #equals} compares canonical forms, so {@code 2001:DB8:0::/32} equals {@code 2001:db8::/32}.</li>
 *   <li>{@link #contains(byte[])} allocates nothing; {@link #contains(String)} allocates only the parsed address.</li>
 * </ul>
 */
public final class CidrBlock {

    private static final long IPV4_BITS = 0xffffffffL;

    private final boolean ipv4;
    private final int prefixLength;
    /** Network bits: for IPv4 the address in the low 32 bits of {@code low}; for IPv6 bytes 0-7 and 8-15. */
    private final long high;
    private final long low;
    private final long maskHigh;
    private final long maskLow;

    /** Builds the block of the given prefix that contains the address bits; host bits are cleared. */
    private CidrBlock(boolean ipv4, int prefixLength, long high, long low) {
        this.ipv4 = ipv4;
        this.prefixLength = prefixLength;
        if (ipv4) {
            this.maskHigh = 0;
            this.maskLow = prefixLength == 0 ? 0 : (IPV4_BITS << (32 - prefixLength)) & IPV4_BITS;
        } else {
            // Java shifts a long by the distance mod 64, so /0 and prefixes past 64 need their own cases.
            this.maskHigh = prefixLength == 0 ? 0 : -1L << Math.max(0, 64 - prefixLength);
            this.maskLow = prefixLength <= 64 ? 0 : -1L << (128 - prefixLength);
        }
        this.high = high & maskHigh;
        this.low = low & maskLow;
    }

    /**
     * Parses {@code a.b.c.d/n} (n 0-32), {@code x:x::/n} (n 0-128) or a bare address.
     *
     * @param text the block as written in configuration
     * @return the block
     * @throws IllegalArgumentException quoting the text and saying what is wrong (see {@link #problem})
     */
    public static CidrBlock parse(String text) {
        Object result = parseOrProblem(text);
        if (result instanceof CidrBlock block) {
            return block;
        }
        throw new IllegalArgumentException((String) result);
    }

    /**
     * Parses a block without throwing.
     *
     * @param text the block, may be null
     * @return the block, or empty if {@link #parse} would reject the text
     */
    public static Optional<CidrBlock> tryParse(String text) {
        return parseOrProblem(text) instanceof CidrBlock block ? Optional.of(block) : Optional.empty();
    }

    /**
     * Tells whether {@link #parse} would accept the text.
     *
     * @param text the block, may be null
     * @return true if the text is a valid block
     */
    public static boolean isValid(String text) {
        return parseOrProblem(text) instanceof CidrBlock;
    }

    /**
     * Explains why a text is not a block, for inline messages in forms.
     *
     * @param text the block, may be null
     * @return the message {@link #parse} would throw, or empty if the text is a valid block
     */
    public static Optional<String> problem(String text) {
        return parseOrProblem(text) instanceof String message ? Optional.of(message) : Optional.empty();
    }

    /**
     * Tells whether an address literal lies in this block. Text that is not an address is in no block.
     *
     * @param address an IPv4 or IPv6 literal, may be null
     * @return true if the address parses and lies in this block
     */
    public boolean contains(String address) {
        byte[] bytes = IpLiterals.parseOrNull(address);
        return bytes != null && contains(bytes);
    }

    /**
     * Tells whether an address lies in this block; an IPv4-mapped IPv6 address counts as its IPv4 address.
     *
     * @param address 4 or 16 bytes in network order
     * @return true if the address lies in this block
     * @throws IllegalArgumentException if the array is not 4 or 16 bytes long
     */
    public boolean contains(byte[] address) {
        if (address.length == 4) {
            return matches(true, 0, ipv4Bits(address, 0));
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("An IP address has 4 or 16 bytes, not " + address.length);
        }
        if (IpLiterals.isIpv4Mapped(address)) {
            return matches(true, 0, ipv4Bits(address, 12));
        }
        return matches(false, longAt(address, 0), longAt(address, 8));
    }

    /** The matching core, shared with {@link AddressRules} so that an address is decoded once per request. */
    boolean matches(boolean addressIsIpv4, long addressHigh, long addressLow) {
        return addressIsIpv4 == ipv4
                && ((addressHigh ^ high) & maskHigh) == 0
                && ((addressLow ^ low) & maskLow) == 0;
    }

    /**
     * Tells whether this is an IPv4 block.
     *
     * @return true for IPv4 (including blocks written as IPv4-mapped IPv6), false for IPv6
     */
    public boolean isIpv4() {
        return ipv4;
    }

    /**
     * Returns the prefix length.
     *
     * @return 0-32 for IPv4, 0-128 for IPv6
     */
    public int prefixLength() {
        return prefixLength;
    }

    /**
     * Returns the network address.
     *
     * @return a new array of 4 or 16 bytes
     */
    public byte[] network() {
        if (ipv4) {
            return new byte[] {(byte) (low >>> 24), (byte) (low >>> 16), (byte) (low >>> 8), (byte) low};
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CidrBlock that
                && ipv4 == that.ipv4 && prefixLength == that.prefixLength && high == that.high && low == that.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high) * 31 * 31 + Long.hashCode(low) * 31 + prefixLength + (ipv4 ? 1 : 0);
    }

    /**
     * Returns the canonical form, always with the prefix: {@code 10.0.0.0/8}, {@code 2001:db8::/32},
     * {@code 192.0.2.1/32}.
     */
    @Override
    public String toString() {
        return IpLiterals.format(network()) + "/" + prefixLength;
    }

    static long ipv4Bits(byte[] address, int offset) {
        return ((address[offset] & 0xffL) << 24) | ((address[offset + 1] & 0xffL) << 16)
                | ((address[offset + 2] & 0xffL) << 8) | (address[offset + 3] & 0xffL);
    }

    static long longAt(byte[] address, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (address[offset + i] & 0xffL);
        }
        return value;
    }

    /** Returns a {@link CidrBlock}, or the message explaining why the text is not one; never throws. */
    private static Object parseOrProblem(String text) {
        if (text == null) {
            return "'null' is not a CIDR block";
        }
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] address = IpLiterals.parseOrNull(addressText);
        if (address == null) {
            return notABlock(text) + (slash < 0 ? "" : ": " + IpLiterals.notAnAddress(addressText));
        }
        int maxLength = address.length * 8;
        int prefix = slash < 0 ? maxLength : parsePrefix(text, slash + 1, maxLength);
        if (prefix < 0) {
            return notABlock(text) + ": the prefix length must be a number from 0 to " + maxLength;
        }
        CidrBlock block = fromAddress(address, prefix);
        if (!block.isNetworkAddress(address)) {
            return "'" + text + "' has host bits set; the block is '" + block + "'";
        }
        return block;
    }

    /** Returns the block with the given prefix that contains the address. */
    private static CidrBlock fromAddress(byte[] address, int prefix) {
        if (address.length == 4) {
            return new CidrBlock(true, prefix, 0, ipv4Bits(address, 0));
        }
        if (prefix >= 96 && IpLiterals.isIpv4Mapped(address)) {
            return new CidrBlock(true, prefix - 96, 0, ipv4Bits(address, 12));
        }
        return new CidrBlock(false, prefix, longAt(address, 0), longAt(address, 8));
    }

    /** True if the address, as written, is this block's network address, i.e. it has no host bits set. */
    private boolean isNetworkAddress(byte[] address) {
        if (ipv4) {
            return ipv4Bits(address, address.length - 4) == low;
        }
        return longAt(address, 0) == high && longAt(address, 8) == low;
    }

    /** Parses {@code text[from..]} as 1-3 ASCII digits without a leading zero, at most {@code max}; else -1. */
    private static int parsePrefix(String text, int from, int max) {
        int digits = text.length() - from;
        if (digits < 1 || digits > 3 || (digits > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value <= max ? value : -1;
    }

    private static String notABlock(String text) {
        return "'" + text + "' is not a CIDR block";
    }
}
