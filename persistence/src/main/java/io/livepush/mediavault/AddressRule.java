package io.livepush.mediavault;

/**
 * The parsed value of an {@code ip} term (reference/mediavault.md §8): one address or network, IPv4 or IPv6.
 * <p>
 * Accepted: {@code 198.51.100.7}, {@code 80.249.208.0/21}, {@code 10.9.12.0/255.255.255.0} (contiguous netmask),
 * {@code 2001:7f8:1::a502:2822}, {@code 2001:db8:1234::/48}. Host bits in the network are ignored. An IPv4-mapped
 * IPv6 rule with a prefix of at least 96 is turned into the IPv4 rule it denotes, matching how clients are read.
 * Families never mix: an IPv4 rule never matches an IPv6 client and vice versa.
 */
final class AddressRule {

    private static final int IPV4_BITS = 32;
    private static final int MAPPED_BITS = 96;

    private final byte[] network;
    private final int prefix;

    private AddressRule(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses a percent-decoded rule; returns {@code null} for ranges, lists and anything else unsupported. */
    static AddressRule parse(String text) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] address = AddressLiterals.parse(addressText);
        if (address == null) {
            return null;
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String mask = text.substring(slash + 1);
            prefix = mask.indexOf('.') >= 0 && bits == IPV4_BITS ? netmaskPrefix(mask) : prefixLength(mask, bits);
            if (prefix < 0) {
                return null;
            }
        }
        if (AddressLiterals.isMapped(address) && prefix >= MAPPED_BITS) {
            address = AddressLiterals.unmapped(address);
            prefix -= MAPPED_BITS;
        }
        return new AddressRule(masked(address, prefix), prefix);
    }

    /** Returns whether {@code client} (from {@link AddressLiterals#parseClient}) lies inside this rule. */
    boolean matches(byte[] client) {
        if (client == null || client.length != network.length) {
            return false;
        }
        int fullBytes = prefix / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (client[i] != network[i]) {
                return false;
            }
        }
        int restBits = prefix % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = 0xff << (8 - restBits) & 0xff;
        return (client[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Parses a decimal prefix length up to {@code bits}; no sign, no leading zero. */
    private static int prefixLength(String text, int bits) {
        if (text.isEmpty() || text.length() > 3 || text.length() > 1 && text.charAt(0) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= bits ? value : -1;
    }

    /** Turns a dotted IPv4 netmask into a prefix length; a non-contiguous mask is refused. */
    private static int netmaskPrefix(String text) {
        byte[] mask = AddressLiterals.parseIpv4(text);
        if (mask == null) {
            return -1;
        }
        int value = (mask[0] & 0xff) << 24 | (mask[1] & 0xff) << 16 | (mask[2] & 0xff) << 8 | mask[3] & 0xff;
        int prefix = Integer.bitCount(value);
        int expected = prefix == 0 ? 0 : -1 << (IPV4_BITS - prefix);
        return value == expected ? prefix : -1;
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "AddressRule[" + network.length * 8 + "-bit network, /" + prefix + "]";
    }
}
