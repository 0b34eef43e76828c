package io.livepush.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class CidrBlockTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8,                10.0.0.0/8,          8,   true",
        "0.0.0.0/0,                 0.0.0.0/0,           0,   true",
        "128.0.0.0/1,               128.0.0.0/1,         1,   true",
        "192.0.2.2/31,              192.0.2.2/31,        31,  true",
        "192.0.2.1/32,              192.0.2.1/32,        32,  true",
        "192.0.2.1,                 192.0.2.1/32,        32,  true",
        "::/0,                      ::/0,                0,   false",
        "8000::/1,                  8000::/1,            1,   false",
        "2001:DB8::/32,             2001:db8::/32,       32,  false",
        "2001:0db8:0000::/48,       2001:db8::/48,       48,  false",
        "2001:db8:0:1::/64,         2001:db8:0:1::/64,   64,  false",
        "2001:db8::/65,             2001:db8::/65,       65,  false",
        "2001:db8::2/127,           2001:db8::2/127,     127, false",
        "2001:db8::1/128,           2001:db8::1/128,     128, false",
        "2001:db8::1,               2001:db8::1/128,     128, false",
        "0:0:0:0:0:0:0:1,           ::1/128,             128, false",
        "::ffff:10.0.0.0/104,       10.0.0.0/8,          8,   true",
        "::ffff:0:0/96,             0.0.0.0/0,           0,   true",
        "::ffff:a00:0/104,          10.0.0.0/8,          8,   true",
        "::ffff:192.0.2.1,          192.0.2.1/32,        32,  true",
        "::ffff:192.0.2.1/128,      192.0.2.1/32,        32,  true",
        "::fffe:0:0/95,             ::fffe:0:0/95,       95,  false",
    })
    void blockParsesToCanonicalForm(String text, String canonical, int prefixLength, boolean ipv4) {
        CidrBlock block = CidrBlock.parse(text);

        assertThat(block).hasToString(canonical);
        assertThat(block.prefixLength()).isEqualTo(prefixLength);
        assertThat(block.isIpv4()).isEqualTo(ipv4);
        assertThat(CidrBlock.parse(canonical)).isEqualTo(block).hasSameHashCodeAs(block);
        assertThat(CidrBlock.isValid(text)).isTrue();
        assertThat(CidrBlock.tryParse(text)).contains(block);
        assertThat(CidrBlock.problem(text)).isEmpty();
    }

    static Stream<Arguments> membership() {
        return Stream.of(
                Arguments.of("0.0.0.0/0", "0.0.0.0", true),
                Arguments.of("0.0.0.0/0", "255.255.255.255", true),
                Arguments.of("0.0.0.0/0", "::1", false),
                Arguments.of("0.0.0.0/1", "127.255.255.255", true),
                Arguments.of("0.0.0.0/1", "128.0.0.0", false),
                Arguments.of("128.0.0.0/1", "128.0.0.0", true),
                Arguments.of("128.0.0.0/1", "127.255.255.255", false),
                Arguments.of("10.0.0.0/8", "10.255.255.255", true),
                Arguments.of("10.0.0.0/8", "11.0.0.0", false),
                Arguments.of("10.0.0.0/8", "9.255.255.255", false),
                Arguments.of("192.0.2.2/31", "192.0.2.2", true),
                Arguments.of("192.0.2.2/31", "192.0.2.3", true),
                Arguments.of("192.0.2.2/31", "192.0.2.1", false),
                Arguments.of("192.0.2.2/31", "192.0.2.4", false),
                Arguments.of("192.0.2.1/32", "192.0.2.1", true),
                Arguments.of("192.0.2.1/32", "192.0.2.0", false),
                Arguments.of("192.0.2.1/32", "192.0.2.2", false),
                Arguments.of("::/0", "::", true),
                Arguments.of("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true),
                Arguments.of("::/0", "10.0.0.1", false),
                Arguments.of("::/0", "::ffff:10.0.0.1", false),
                Arguments.of("::/1", "7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true),
                Arguments.of("::/1", "8000::", false),
                Arguments.of("2001:db8::/32", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true),
                Arguments.of("2001:db8::/32", "2001:db9::", false),
                Arguments.of("2001:db8::/64", "2001:db8::ffff:ffff:ffff:ffff", true),
                Arguments.of("2001:db8::/64", "2001:db8:0:1::", false),
                Arguments.of("2001:db8::/65", "2001:db8::7fff:ffff:ffff:ffff", true),
                Arguments.of("2001:db8::/65", "2001:db8::8000:0:0:0", false),
                Arguments.of("2001:db8::2/127", "2001:db8::2", true),
                Arguments.of("2001:db8::2/127", "2001:db8::3", true),
                Arguments.of("2001:db8::2/127", "2001:db8::4", false),
                Arguments.of("2001:db8::2/127", "2001:db8::1", false),
                Arguments.of("2001:db8::1/128", "2001:db8::1", true),
                Arguments.of("2001:db8::1/128", "2001:db8::0", false),
                Arguments.of("2001:db8::1/128", "2001:db8::2", false),
                Arguments.of("::1/128", "0:0:0:0:0:0:0:1", true),
                Arguments.of("::fffe:0:0/95", "::fffe:1:1", true),
                Arguments.of("::fffe:0:0/95", "::ffff:1.1.1.1", false),
                Arguments.of("127.0.0.0/8", "127.0.0.1", true),
                Arguments.of("127.0.0.0/8", "0:0:0:0:0:0:0:1", false),
                Arguments.of("2001:db8::/32", "garbage", false),
                Arguments.of("0.0.0.0/0", "fe80::1%eth0", false),
                Arguments.of("0.0.0.0/0", "", false),
                Arguments.of("0.0.0.0/0", null, false));
    }

    @ParameterizedTest
    @MethodSource("membership")
    void containsFollowsPrefixEdges(String block, String address, boolean expected) {
        assertThat(CidrBlock.parse(block).contains(address)).as("%s contains %s", block, address).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8,           ::ffff:10.1.2.3,      true",
        "10.0.0.0/8,           ::FFFF:a01:203,       true",
        "10.0.0.0/8,           0:0:0:0:0:ffff:b00:1, false",
        "10.0.0.0/8,           ::10.1.2.3,           false",
        "192.0.2.1/32,         ::ffff:192.0.2.1,     true",
        "::ffff:10.0.0.0/104,  10.1.2.3,             true",
        "::ffff:10.0.0.0/104,  ::ffff:10.1.2.3,      true",
        "::ffff:10.0.0.0/104,  11.0.0.0,             false",
        "::ffff:0:0/96,        203.0.113.9,          true",
        "::ffff:0:0/96,        2001:db8::1,          false",
    })
    void ipv4MappedAddressesAndBlocksMatchAsIpv4(String block, String address, boolean expected) {
        assertThat(CidrBlock.parse(block).contains(address)).as("%s contains %s", block, address).isEqualTo(expected);
        assertThat(CidrBlock.parse(block).contains(IpLiterals.parse(address))).isEqualTo(expected);
    }

    @Test
    void ipv6DefaultRouteDoesNotMatchIpv4Clients() {
        CidrBlock anyIpv6 = CidrBlock.parse("::/0");

        assertThat(anyIpv6.contains("192.0.2.1")).isFalse();
        assertThat(anyIpv6.contains("::ffff:192.0.2.1")).isFalse();
        assertThat(anyIpv6.contains("2001:db8::1")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "10.0.0.1/8          | '10.0.0.1/8' has host bits set; the block is '10.0.0.0/8'",
        "192.0.2.1/31        | '192.0.2.1/31' has host bits set; the block is '192.0.2.0/31'",
        "128.0.0.0/0         | '128.0.0.0/0' has host bits set; the block is '0.0.0.0/0'",
        "2001:db8::1/32      | '2001:db8::1/32' has host bits set; the block is '2001:db8::/32'",
        "2001:db8::3/127     | '2001:db8::3/127' has host bits set; the block is '2001:db8::2/127'",
        "8000::/0            | '8000::/0' has host bits set; the block is '::/0'",
        "::ffff:10.0.0.1/104 | '::ffff:10.0.0.1/104' has host bits set; the block is '10.0.0.0/8'",
    })
    void hostBitsSetIsRejected(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> CidrBlock.parse(text)).withMessage(message);
        assertThat(CidrBlock.problem(text)).contains(message);
        assertThat(CidrBlock.isValid(text)).isFalse();
        assertThat(CidrBlock.tryParse(text)).isEmpty();
    }

    static Stream<String> bogusInput() {
        return Stream.of(
                " ", "/", "/8", "/0", "1.2.3.4/", "1.2.3.4//8", "1.2.3.4/8/8", "1.2.3.0/24 ", " 1.2.3.0/24",
                "1.2.3.0 /24", "1.2.3.0/ 24", "localhost", "localhost/32", "example.com/8", "*", "10.*",
                "1.2.3.4/-1", "1.2.3.4/+8", "1.2.3.4/08", "1.2.3.4/00", "0.0.0.0/000", "1.2.3.4/33", "0.0.0.0/64",
                "1.2.3.4/1000", "1.2.3.4/0x8", "1.2.3.4/8.0", "1.2.3.4/a", "1.2.3.4/３２", "1.2.3.4/32%",
                "255.255.255.0/255.255.255.0", "10.0.0.0-10.0.0.255", "10/8", "10.0/16", "10.0.0/24",
                "010.0.0.0/8", "0x0a.0.0.0/8", "256.0.0.0/8", "1.2.3.4.5/32", "１.2.3.4/32",
                "::/129", "::/-1", "::/0128", "2001:db8::/200", "::1::/64", "fe80::%eth0/64", "fe80::1%eth0",
                "[::1]/128", "[2001:db8::]/32", "1:2:3:4:5:6:7:8:9/128", "12345::/16", "2001:db8:::/32",
                "::ffff:10.0.0.0/129", "::ffff:1.2.3/104");
    }

    @ParameterizedTest
    @MethodSource("bogusInput")
    @NullAndEmptySource
    void bogusInputIsNotABlock(String text) {
        assertThat(CidrBlock.isValid(text)).as("isValid(%s)", text).isFalse();
        assertThat(CidrBlock.tryParse(text)).as("tryParse(%s)", text).isEmpty();
        assertThat(CidrBlock.problem(text)).hasValueSatisfying(
                message -> assertThat(message).startsWith("'" + text + "' is not a CIDR block"));
        assertThatIllegalArgumentException().isThrownBy(() -> CidrBlock.parse(text))
                .withMessageStartingWith("'" + text + "' is not a CIDR block");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "10.0.0.0/33        | '10.0.0.0/33' is not a CIDR block: the prefix length must be a number from 0 to 32",
        "::/129             | '::/129' is not a CIDR block: the prefix length must be a number from 0 to 128",
        "10.0.0.0/08        | '10.0.0.0/08' is not a CIDR block: the prefix length must be a number from 0 to 32",
        "10.0.0.0.0/8       | '10.0.0.0.0/8' is not a CIDR block: '10.0.0.0.0' is not an IP address",
        "localhost          | 'localhost' is not a CIDR block",
    })
    void problemExplainsWhatIsWrong(String text, String message) {
        assertThat(CidrBlock.problem(text)).contains(message);
    }

    @Test
    void bareAddressIsABlockOfOne() {
        assertThat(CidrBlock.parse("192.0.2.1")).isEqualTo(CidrBlock.parse("192.0.2.1/32"));
        assertThat(CidrBlock.parse("2001:db8::1")).isEqualTo(CidrBlock.parse("2001:db8::1/128"));
    }

    @Test
    void equalBlocksHaveEqualCanonicalForms() {
        assertThat(CidrBlock.parse("2001:DB8:0::/32")).isEqualTo(CidrBlock.parse("2001:db8::/32"));
        assertThat(CidrBlock.parse("::ffff:10.0.0.0/104")).isEqualTo(CidrBlock.parse("10.0.0.0/8"));
        assertThat(CidrBlock.parse("10.0.0.0/8")).isNotEqualTo(CidrBlock.parse("10.0.0.0/9"));
        assertThat(CidrBlock.parse("0.0.0.0/0")).isNotEqualTo(CidrBlock.parse("::/0"));
    }

    @Test
    void networkReturnsTheNetworkAddressBytes() {
        assertThat(CidrBlock.parse("10.0.0.0/8").network()).containsExactly(10, 0, 0, 0);
        assertThat(CidrBlock.parse("2001:db8::/32").network())
                .containsExactly(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void containsRejectsArraysThatAreNotAddresses() {
        assertThatIllegalArgumentException().isThrownBy(() -> CidrBlock.parse("10.0.0.0/8").contains(new byte[5]));
    }
}
