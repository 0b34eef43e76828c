package io.livepush.net;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.livepush.net.AddressRule.Action;

/**
 * An ordered allow/deny list of address blocks that decides whether a client address may pass.
 *
 * <p>Rules are tried in order and the first whose block contains the address decides; if none does, the default
 * action decides. Deny-first lists are therefore written with the deny rules first, as Tomcat's
 * {@code RequestFilterValve} evaluates them.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Never causes a DNS lookup, so it is safe on the request path; it expects
 *       {@code ServletRequest.getRemoteAddr()}, never a host name or {@code X-Forwarded-For}.</li>
 *   <li>An address that is not a valid IP literal (null, empty, a host name, a zone id such as {@code fe80::1%eth0})
 *       is always denied, whatever the rules and the default say: a list that cannot tell who is asking must not
 *       let them in.</li>
 *   <li>An IPv4 client is matched by IPv4 blocks whether it is reported as {@code 192.0.2.1} or as
 *       {@code ::ffff:192.0.2.1} (see {@link CidrBlock}).</li>
 *   <li>Immutable and thread-safe without locks; {@link #allows(String)} parses the address once and allocates
 *       nothing else.</li>
 * </ul>
 */
public final class AddressRules {

    private static final AddressRules ALLOW_ALL = new AddressRules(List.of(), Action.ALLOW);

    private final List<AddressRule> rules;
    private final Action defaultAction;
    /** The rules unpacked into arrays, so that the per-request loop touches no iterator or record accessor. */
    private final CidrBlock[] blocks;
    private final boolean[] allowed;

    private AddressRules(List<AddressRule> rules, Action defaultAction) {
        this.rules = List.copyOf(rules);
        this.defaultAction = Objects.requireNonNull(defaultAction, "defaultAction");
        this.blocks = new CidrBlock[this.rules.size()];
        this.allowed = new boolean[this.rules.size()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = this.rules.get(i).block();
            allowed[i] = this.rules.get(i).action() == Action.ALLOW;
        }
    }

    /**
     * Creates a list whose first matching rule wins.
     *
     * @param rules the rules in the order they are tried; copied
     * @param defaultAction what happens to a valid address that no rule matches
     * @return the list
     * @throws NullPointerException if the list, a rule or the default action is null
     */
    public static AddressRules of(List<AddressRule> rules, Action defaultAction) {
        return new AddressRules(rules, defaultAction);
    }

    /**
     * Creates the list for a publisher's or viewer's address blocks: an empty list means any address, a non-empty
     * list means only addresses inside one of the blocks.
     *
     * @param blocks the allowed blocks; copied
     * @return {@link #allowAll()} if {@code blocks} is empty, else a list that allows the blocks and denies the rest
     * @throws NullPointerException if the list or a block is null
     */
    public static AddressRules allowOnly(List<CidrBlock> blocks) {
        if (blocks.isEmpty()) {
            return ALLOW_ALL;
        }
        return new AddressRules(blocks.stream().map(AddressRule::allow).toList(), Action.DENY);
    }

    /**
     * Returns the list that allows every valid address.
     *
     * @return a list with no rules and the default action {@code ALLOW}
     */
    public static AddressRules allowAll() {
        return ALLOW_ALL;
    }

    /**
     * Decides whether a client address may pass.
     *
     * @param remoteAddr the address literal from {@code ServletRequest.getRemoteAddr()}, may be null
     * @return the action of the first rule that contains the address, else the default action;
     *         false if {@code remoteAddr} is not a valid IP literal
     */
    public boolean allows(String remoteAddr) {
        byte[] address = IpLiterals.parseOrNull(remoteAddr);
        return address != null && allows(address);
    }

    /**
     * Decides whether an address may pass.
     *
     * @param address 4 or 16 bytes in network order; IPv4-mapped IPv6 counts as IPv4
     * @return the action of the first rule that contains the address, else the default action
     * @throws IllegalArgumentException if the array is not 4 or 16 bytes long
     */
    public boolean allows(byte[] address) {
        boolean ipv4 = address.length == 4 || IpLiterals.isIpv4Mapped(address);
        if (!ipv4 && address.length != 16) {
            throw new IllegalArgumentException("An IP address has 4 or 16 bytes, not " + address.length);
        }
        long high = ipv4 ? 0 : CidrBlock.longAt(address, 0);
        long low = ipv4 ? CidrBlock.ipv4Bits(address, address.length - 4) : CidrBlock.longAt(address, 8);
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i].matches(ipv4, high, low)) {
                return allowed[i];
            }
        }
        return defaultAction == Action.ALLOW;
    }

    /**
     * Returns the rules in the order they are tried.
     *
     * @return an unmodifiable list
     */
    public List<AddressRule> rules() {
        return rules;
    }

    /**
     * Returns what happens to a valid address that no rule matches.
     *
     * @return the default action
     */
    public Action defaultAction() {
        return defaultAction;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRules that && rules.equals(that.rules) && defaultAction == that.defaultAction;
    }

    @Override
    public int hashCode() {
        return rules.hashCode() * 31 + defaultAction.hashCode();
    }

    /** Returns e.g. {@code [deny 10.0.0.1/32, allow 10.0.0.0/8], otherwise deny}. */
    @Override
    public String toString() {
        return rules + ", otherwise " + defaultAction.name().toLowerCase(Locale.ROOT);
    }
}
