package io.livepush.net;

import java.util.Locale;
import java.util.Objects;

/**
 * One line of an allow/deny list: an action and the block of addresses it applies to.
 *
 * <p>Guarantees: immutable, never null in either component, and free of DNS lookups (the block is a parsed
 * {@link CidrBlock}). The canonical text form, {@code allow 10.0.0.0/8}, is what {@link #toString()} returns.
 *
 * @param action what happens to an address inside the block
 * @param block the addresses the rule applies to
 */
public record AddressRule(Action action, CidrBlock block) {

    /** What a matching rule does to a request. */
    public enum Action {
        /** Let the address in. */
        ALLOW,
        /** Turn the address away. */
        DENY
    }

    /**
     * Creates a rule.
     *
     * @throws NullPointerException if either component is null
     */
    public AddressRule {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(block, "block");
    }

    /**
     * Creates a rule that allows a block.
     *
     * @param block the block
     * @return {@code ALLOW block}
     */
    public static AddressRule allow(CidrBlock block) {
        return new AddressRule(Action.ALLOW, block);
    }

    /**
     * Creates a rule that denies a block.
     *
     * @param block the block
     * @return {@code DENY block}
     */
    public static AddressRule deny(CidrBlock block) {
        return new AddressRule(Action.DENY, block);
    }

    /** Returns {@code allow 10.0.0.0/8} or {@code deny 2001:db8::/32}. */
    @Override
    public String toString() {
        return action.name().toLowerCase(Locale.ROOT) + " " + block;
    }
}
