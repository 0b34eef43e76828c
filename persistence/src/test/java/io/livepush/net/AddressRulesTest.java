package io.livepush.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.livepush.net.AddressRule.Action;

class AddressRulesTest {

    /** Deny one host and one IPv6 subnet inside the allowed ranges, allow the ranges, deny the rest. */
    private static final AddressRules OFFICE = AddressRules.of(List.of(
            deny("10.0.0.13"),
            deny("2001:db8:bad::/48"),
            allow("10.0.0.0/8"),
            allow("2001:db8::/32")), Action.DENY);

    static Stream<Arguments> officeDecisions() {
        return Stream.of(
                Arguments.of("10.0.0.13", false),
                Arguments.of("::ffff:10.0.0.13", false),
                Arguments.of("10.0.0.12", true),
                Arguments.of("10.255.255.255", true),
                Arguments.of("::ffff:10.1.2.3", true),
                Arguments.of("11.0.0.1", false),
                Arguments.of("2001:db8:bad::1", false),
                Arguments.of("2001:db8:bad:ffff::1", false),
                Arguments.of("2001:db8:bae::1", true),
                Arguments.of("2001:0DB8:0:0:0:0:0:1", true),
                Arguments.of("2001:db9::1", false),
                Arguments.of("127.0.0.1", false),
                Arguments.of("0:0:0:0:0:0:0:1", false));
    }

    @ParameterizedTest
    @MethodSource("officeDecisions")
    void firstMatchingRuleDecides(String remoteAddr, boolean expected) {
        assertThat(OFFICE.allows(remoteAddr)).as("allows(%s)", remoteAddr).isEqualTo(expected);
        assertThat(OFFICE.allows(IpLiterals.parse(remoteAddr))).isEqualTo(expected);
    }

    @Test
    void earlierRuleWinsOverLaterRule() {
        AddressRules denyFirst = AddressRules.of(List.of(deny("10.0.0.0/8"), allow("10.0.0.1")), Action.ALLOW);
        AddressRules allowFirst = AddressRules.of(List.of(allow("10.0.0.1"), deny("10.0.0.0/8")), Action.ALLOW);

        assertThat(denyFirst.allows("10.0.0.1")).isFalse();
        assertThat(allowFirst.allows("10.0.0.1")).isTrue();
        assertThat(allowFirst.allows("10.0.0.2")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "ALLOW, 192.0.2.1,   true",
        "ALLOW, 2001:db8::1, true",
        "ALLOW, 10.0.0.1,    false",
        "DENY,  192.0.2.1,   false",
        "DENY,  2001:db8::1, false",
        "DENY,  10.0.0.1,    false",
    })
    void defaultActionDecidesWhenNoRuleMatches(Action defaultAction, String remoteAddr, boolean expected) {
        AddressRules rules = AddressRules.of(List.of(deny("10.0.0.0/8")), defaultAction);

        assertThat(rules.allows(remoteAddr)).isEqualTo(expected);
        assertThat(rules.defaultAction()).isEqualTo(defaultAction);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "::1", "0:0:0:0:0:0:0:1", "::ffff:192.0.2.1", "2001:db8::1"})
    void emptyPublisherListAllowsAnyAddress(String remoteAddr) {
        AddressRules rules = AddressRules.allowOnly(List.of());

        assertThat(rules.allows(remoteAddr)).isTrue();
        assertThat(rules).isEqualTo(AddressRules.allowAll());
    }

    @ParameterizedTest
    @CsvSource({
        "198.51.100.7,      true",
        "::ffff:198.51.100.7, true",
        "198.51.100.8,      false",
        "2001:db8:1::9,     true",
        "2001:db8:2::9,     false",
        "127.0.0.1,         false",
    })
    void nonEmptyPublisherListAllowsOnlyItsBlocks(String remoteAddr, boolean expected) {
        AddressRules rules = AddressRules.allowOnly(List.of(
                CidrBlock.parse("198.51.100.7/32"), CidrBlock.parse("2001:db8:1::/48")));

        assertThat(rules.allows(remoteAddr)).isEqualTo(expected);
        assertThat(rules.defaultAction()).isEqualTo(Action.DENY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "localhost", "example.com", "unknown", "10.0.0.1 ", "010.0.0.1", "fe80::1%eth0",
        "[::1]", "::1::", "10.0.0.1:8080", "1.2.3.4.5"})
    void unparseableRemoteAddressIsDenied(String remoteAddr) {
        assertThat(AddressRules.allowAll().allows(remoteAddr)).isFalse();
        assertThat(AddressRules.of(List.of(allow("0.0.0.0/0"), allow("::/0")), Action.ALLOW).allows(remoteAddr))
                .isFalse();
        assertThat(OFFICE.allows(remoteAddr)).isFalse();
    }

    @Test
    void ipv6RulesDoNotMatchIpv4Clients() {
        AddressRules denyIpv6 = AddressRules.of(List.of(deny("::/0")), Action.ALLOW);

        assertThat(denyIpv6.allows("192.0.2.1")).isTrue();
        assertThat(denyIpv6.allows("::ffff:192.0.2.1")).isTrue();
        assertThat(denyIpv6.allows("2001:db8::1")).isFalse();
    }

    @Test
    void rulesAreCopiedAndUnmodifiable() {
        List<AddressRule> source = new ArrayList<>(List.of(allow("10.0.0.0/8")));
        AddressRules rules = AddressRules.of(source, Action.DENY);
        source.add(allow("0.0.0.0/0"));

        assertThat(rules.rules()).containsExactly(allow("10.0.0.0/8"));
        assertThat(rules.allows("192.0.2.1")).isFalse();
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> rules.rules().add(allow("0.0.0.0/0")));
    }

    @Test
    void nullRulesAndActionsAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> AddressRules.of(List.of(), null));
        assertThatNullPointerException().isThrownBy(() -> AddressRules.of(Arrays.asList((AddressRule) null),
                Action.ALLOW));
        assertThatNullPointerException().isThrownBy(() -> new AddressRule(null, CidrBlock.parse("::/0")));
        assertThatNullPointerException().isThrownBy(() -> new AddressRule(Action.ALLOW, null));
    }

    @Test
    void allowsRejectsArraysThatAreNotAddresses() {
        assertThatIllegalArgumentException().isThrownBy(() -> OFFICE.allows(new byte[15]));
    }

    @Test
    void toStringListsRulesInOrderThenTheDefault() {
        assertThat(AddressRules.of(List.of(deny("10.0.0.13"), allow("10.0.0.0/8")), Action.DENY))
                .hasToString("[deny 10.0.0.13/32, allow 10.0.0.0/8], otherwise deny");
    }

    private static AddressRule allow(String block) {
        return AddressRule.allow(CidrBlock.parse(block));
    }

    private static AddressRule deny(String block) {
        return AddressRule.deny(CidrBlock.parse(block));
    }
}
