package io.livepush.mediavault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code ip} term (reference/mediavault.md §8), shaped like Tomcat's TestNetMask. */
class AddressRuleTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("198.51.100.7", "198.51.100.7", true),
                Arguments.of("198.51.100.7", "198.51.100.8", false),
                Arguments.of("0.0.0.0/0", "203.0.113.1", true),
                Arguments.of("0.0.0.0/0", "2001:db8::1", false),
                Arguments.of("10.0.0.0/31", "10.0.0.1", true),
                Arguments.of("10.0.0.0/31", "10.0.0.2", false),
                Arguments.of("10.0.0.1/32", "10.0.0.1", true),
                Arguments.of("10.0.0.1/32", "10.0.0.0", false),
                Arguments.of("80.249.208.0/21", "80.249.215.255", true),
                Arguments.of("80.249.208.0/21", "80.249.216.0", false),
                Arguments.of("80.249.215.9/21", "80.249.208.1", true),
                Arguments.of("10.9.12.0/255.255.255.0", "10.9.12.200", true),
                Arguments.of("10.9.12.0/255.255.255.0", "10.9.13.1", false),
                Arguments.of("10.0.0.0/0.0.0.0", "192.0.2.1", true),
                Arguments.of("::/0", "2001:db8::1", true),
                Arguments.of("::/0", "192.0.2.1", false),
                Arguments.of("2001:db8::/127", "2001:db8::1", true),
                Arguments.of("2001:db8::/127", "2001:db8::2", false),
                Arguments.of("2001:db8::1/128", "2001:db8::1", true),
                Arguments.of("2001:db8::1/128", "2001:db8::0:2", false),
                Arguments.of("2001:7f8:1::a502:2822", "2001:7F8:1:0:0:0:A502:2822", true),
                Arguments.of("2001:db8:1234::/48", "2001:db8:1234:ffff::1", true),
                Arguments.of("2001:db8:1234::/48", "2001:db8:1235::1", false),
                Arguments.of("192.0.2.0/24", "::ffff:192.0.2.9", true),
                Arguments.of("192.0.2.0/24", "[::ffff:c000:0209]", true),
                Arguments.of("::ffff:192.0.2.0/120", "192.0.2.9", true),
                Arguments.of("fe80::/10", "fe80::1%eth0", true),
                Arguments.of("192.0.2.0/24", "::192.0.2.9", false),
                Arguments.of("2001:db8::/32", "2001:db8::1.2.3.4", true));
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @MethodSource("rules")
    void ruleMatchesClientsInsideItsNetworkOnly(String rule, String client, boolean expected) {
        AddressRule parsed = AddressRule.parse(rule);

        assertThat(parsed).as(rule).isNotNull();
        assertThat(parsed.matches(AddressRule.parseClient(client))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/24", "203.0.113.0-203.0.113.255", "10.0.0.1,10.0.0.2", "10.0.0.0/33", "::/129",
        "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/08", "10.0.0.0/", "10.0.0.0/255.0.255.0", "10.0.0.0/255.255.255.256",
        "2001:db8::/ffff::", "010.0.0.1", "0x0a.0.0.1", "10.0.0", "10.0.0.1.2", "1.2.3.4.", ".1.2.3", "256.0.0.1",
        "example.com", "localhost", "1:2:3:4:5:6:7:8:9", "1::2::3", ":::1", "1:::2", "12345::", "::g", "1:2:3:4:5:6:7:",
        ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "::1.2.3", "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4", "[::1]",
        "fe80::1%eth0", "１.２.３.４"})
    void bogusRuleIsRejected(String rule) {
        assertThat(AddressRule.parse(rule)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "10.0.0.01", "::ffff:10.0.0.256", "[::1"})
    void bogusClientAddressMatchesNothing(String client) {
        assertThat(AddressRule.parseClient(client)).isNull();
    }
}
