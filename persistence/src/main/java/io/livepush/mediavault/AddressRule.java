package io.livepush.mediavault;

import io.livepush.net.CidrBlock;
import io.livepush.net.IpLiterals;

/**
 * The parsed value of an {@code ip} term (reference/mediavault.md §8): one address or network, IPv4 or IPv6.
 * <p>
 * A thin adapter over {@link CidrBlock} for the two things the token syntax allows and {@code CidrBlock} refuses:
 * host bits in the network are ignored rather than rejected, and an IPv4 network may give a contiguous dotted netmask
 * instead of a prefix length. Address literals are parsed by {@link IpLiterals}, so nothing here can trigger a DNS
 * lookup.
 * <p>
 * Accepted: {@code 198.51.100.7}, {@code 80.249.208.0/21}, {@code 10.9.12.0/255.255.255.0} (contiguous netmask),
 * {@code 2001:7f8:1::a502:2822}, {@code 2001:db8:1234::/48}. An IPv4-mapped IPv6 rule with a prefix of at least 96
 * is the IPv4 rule it denotes, and an IPv4-mapped client is matched as IPv4 (both done by {@code CidrBlock}).
 * Families never mix: an IPv4 rule never matches an IPv6 client and vice versa.
 */
final class AddressRule {

    private static final int IPV4_BYTES = 4;
    private static final int IPV4_BITS = 32;

    private final CidrBlock block;

    private AddressRule(CidrBlock block) {
        this.block = block;
    }

    /** Parses a percent-decoded rule; returns {@code null} for ranges, lists and anything else unsupported. */
    static AddressRule parse(String text) {
        int slash = text.indexOf('/');
        byte[] address = IpLiterals.tryParse(slash < 0 ? text : text.substring(0, slash)).orElse(null);
        if (address == null) {
            return null;
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            String mask = text.substring(slash + 1);
            prefix = mask.indexOf('.') >= 0 && address.length == IPV4_BYTES
                    ? netmaskPrefix(mask) : prefixLength(mask, address.length);
            if (prefix < 0) {
                return null;
            }
        }
        // CidrBlock refuses host bits, the ip term ignores them: clear them before handing the block over.
        return new AddressRule(CidrBlock.parse(IpLiterals.format(masked(address, prefix)) + "/" + prefix));
    }

    /**
     * Parses a client address as a servlet container reports it: IPv4, or IPv6 optionally in brackets and with a
     * zone id, which is dropped. Returns {@code null} if it is not an address, which then matches no rule.
     */
    static byte[] parseClient(String text) {
        if (text == null) {
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
        return IpLiterals.tryParse(address).orElse(null);
    }

    /** Returns whether {@code client} (from {@link #parseClient}) lies inside this rule. */
    boolean matches(byte[] client) {
        return client != null && block.contains(client);
    }

    /** Parses a prefix length up to the address size with {@code CidrBlock}'s rules: decimal, no sign or leading 0. */
    private static int prefixLength(String text, int addressBytes) {
        return CidrBlock.tryParse(IpLiterals.format(new byte[addressBytes]) + "/" + text)
                .map(CidrBlock::prefixLength).orElse(-1);
    }

    /** Turns a dotted IPv4 netmask into a prefix length; a non-contiguous mask is refused. */
    private static int netmaskPrefix(String text) {
        byte[] mask = IpLiterals.tryParse(text).orElse(null);
        if (mask == null || mask.length != IPV4_BYTES) {
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
        return "AddressRule[" + (block.isIpv4() ? IPV4_BITS : 128) + "-bit network, /" + block.prefixLength() + "]";
    }
}
