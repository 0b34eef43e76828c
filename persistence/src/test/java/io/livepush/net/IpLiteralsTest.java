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

class IpLiteralsTest {

    static Stream<String> bogusInput() {
        return Stream.of(
                " ", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4\n", "\t::1",
                "localhost", "example.com", "www.example.com.", "ip6-localhost",
                "1", "1.2", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1.2.3.4.", "1..2.3", "...",
                "256.1.1.1", "1.256.1.1", "1.1.1.256", "999.1.1.1", "1000.1.1.1", "4294967295",
                "010.0.0.1", "0.0.0.01", "00.0.0.0", "1.02.3.4", "127.000.000.001",
                "0x7f.0.0.1", "0x0a.0.0.1", "1.2.3.0xff", "0177.0.0.1", "1.2.3.4a",
                "+1.2.3.4", "-1.2.3.4", "1.-2.3.4", "1.2.3.+4", "1,2,3,4", "1.2.3.4/32",
                "１.2.3.4", "1.2.3.４", "١.٢.٣.٤",
                ":", ":::", "::::", ":1", "1:", ":1::", "::1:", "1::2:", ":1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:",
                "::1::", "1::2::3", "1:::2", "::1:::",
                "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
                "1::2:3:4:5:6:7:8", "12345::", "::12345", "1:2:3:4:5:6:7:12345", "00000::",
                "fe80::1%eth0", "fe80::1%1", "fe80::%", "[::1]", "[::1]:8080", "::1]", "[::1",
                "g::1", "::g", "2001:db8::x", "2001:db8: :1", "2001:db8:: 1", "0x1::",
                "::ffff:1.2.3", "::ffff:1.2.3.4.5", "::ffff:256.1.1.1", "::ffff:010.0.0.1", "::ffff:1.2.3.4:5",
                "::1.2.3.4:1", "1.2.3.4::", "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5:6:7:8:1.2.3.4",
                "::ffff:1.2.3.4%eth0", "::ffff:0x1.2.3.4", "::1a.2.3.4", "::1234.1.2.3",
                "１::1", "::ffff:１.2.3.4",
                "2001:db8:85a3:0000:0000:8a2e:0370:7334:ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    }

    @ParameterizedTest
    @MethodSource("bogusInput")
    @NullAndEmptySource
    void bogusInputIsRejected(String text) {
        assertThat(IpLiterals.isValid(text)).as("isValid(%s)", text).isFalse();
        assertThat(IpLiterals.tryParse(text)).as("tryParse(%s)", text).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> IpLiterals.parse(text))
                .withMessage("'%s' is not an IP address", text);
        assertThatIllegalArgumentException().isThrownBy(() -> IpLiterals.parseForMatching(text));
    }

    @Test
    void parseErrorQuotesInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> IpLiterals.parse("1.2.3"))
                .withMessage("'1.2.3' is not an IP address");
    }

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0,         0,   0,   0,   0",
        "255.255.255.255, 255, 255, 255, 255",
        "127.0.0.1,       127, 0,   0,   1",
        "192.0.2.1,       192, 0,   2,   1",
        "10.20.30.40,     10,  20,  30,  40",
        "1.0.10.100,      1,   0,   10,  100",
    })
    void ipv4IsFourDecimalParts(String text, int a, int b, int c, int d) {
        assertThat(IpLiterals.parse(text)).containsExactly((byte) a, (byte) b, (byte) c, (byte) d);
        assertThat(IpLiterals.isValid(text)).isTrue();
        assertThat(IpLiterals.tryParse(text)).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(4));
    }

    static Stream<Arguments> ipv6Literals() {
        return Stream.of(
                Arguments.of("::", "::"),
                Arguments.of("::1", "::1"),
                Arguments.of("0:0:0:0:0:0:0:1", "::1"),
                Arguments.of("0:0:0:0:0:0:0:0", "::"),
                Arguments.of("1::", "1::"),
                Arguments.of("2001:db8::1", "2001:db8::1"),
                Arguments.of("2001:DB8::1", "2001:db8::1"),
                Arguments.of("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
                Arguments.of("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
                Arguments.of("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),
                Arguments.of("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
                Arguments.of("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
                Arguments.of("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
                Arguments.of("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
                Arguments.of("FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
                Arguments.of("fe80::1", "fe80::1"),
                Arguments.of("64:ff9b::192.0.2.1", "64:ff9b::c000:201"),
                Arguments.of("::192.0.2.1", "::c000:201"),
                Arguments.of("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
                Arguments.of("::ffff:192.0.2.1", "::ffff:192.0.2.1"),
                Arguments.of("::FFFF:c000:0201", "::ffff:192.0.2.1"),
                Arguments.of("0:0:0:0:0:ffff:192.0.2.1", "::ffff:192.0.2.1"),
                Arguments.of("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255",
                        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
    }

    @ParameterizedTest
    @MethodSource("ipv6Literals")
    void ipv6TextFormsParseToSixteenBytesAndFormatCanonically(String text, String canonical) {
        byte[] bytes = IpLiterals.parse(text);

        assertThat(bytes).hasSize(16);
        assertThat(IpLiterals.format(bytes)).isEqualTo(canonical);
        assertThat(IpLiterals.parse(canonical)).isEqualTo(bytes);
    }

    @Test
    void compressionExpandsToTheRightGroups() {
        assertThat(IpLiterals.parse("1:2::7:8"))
                .containsExactly(0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 8);
        assertThat(IpLiterals.parse("::ffff:1.2.3.4"))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4);
    }

    @ParameterizedTest
    @CsvSource({
        "::ffff:192.0.2.1,        192.0.2.1",
        "::ffff:c000:201,         192.0.2.1",
        "0:0:0:0:0:FFFF:7F00:1,   127.0.0.1",
        "::ffff:0.0.0.0,          0.0.0.0",
        "192.0.2.1,               192.0.2.1",
        "::192.0.2.1,             ::c000:201",
        "64:ff9b::192.0.2.1,      64:ff9b::c000:201",
        "::fffe:192.0.2.1,        ::fffe:c000:201",
        "0:0:0:0:0:0:0:1,         ::1",
    })
    void parseForMatchingTurnsOnlyIpv4MappedIntoIpv4(String text, String expected) {
        assertThat(IpLiterals.format(IpLiterals.parseForMatching(text))).isEqualTo(expected);
    }

    @Test
    void parseKeepsIpv4MappedAsSixteenBytes() {
        byte[] bytes = IpLiterals.parse("::ffff:192.0.2.1");

        assertThat(bytes).hasSize(16);
        assertThat(IpLiterals.isIpv4Mapped(bytes)).isTrue();
        assertThat(IpLiterals.isIpv4Mapped(IpLiterals.parse("192.0.2.1"))).isFalse();
        assertThat(IpLiterals.isIpv4Mapped(IpLiterals.parse("::192.0.2.1"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "1:0:0:2:0:0:0:3,  1:0:0:2::3",
        "1:0:0:2:0:0:3:4,  1::2:0:0:3:4",
        "1:0:2:3:4:5:6:7,  1:0:2:3:4:5:6:7",
        "0:0:1:0:0:0:0:0,  0:0:1::",
        "1:0:0:0:0:0:0:0,  1::",
        "0:0:0:0:0:0:0:2,  ::2",
        "ABCD:0:0:0:0:0:0:0, abcd::",
    })
    void formatFollowsRfc5952(String text, String canonical) {
        assertThat(IpLiterals.format(IpLiterals.parse(text))).isEqualTo(canonical);
    }

    @Test
    void formatRejectsArraysThatAreNotAddresses() {
        assertThatIllegalArgumentException().isThrownBy(() -> IpLiterals.format(new byte[5]));
        assertThatIllegalArgumentException().isThrownBy(() -> IpLiterals.format(new byte[0]));
    }

    @Test
    void parseReturnsAFreshArrayEachTime() {
        byte[] first = IpLiterals.parse("10.0.0.1");
        first[0] = 99;

        assertThat(IpLiterals.parse("10.0.0.1")[0]).isEqualTo((byte) 10);
    }
}
