package io.livepush.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuickStartOptionsTest {

    @Test
    void byDefaultEverythingListensOnLoopbackAndAdminAnswersLoopbackOnly() {
        QuickStartOptions options = QuickStartOptions.parse();
        assertThat(options.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(options.bindsEverywhere()).isFalse();
        assertThat(options.urlHost()).isEqualTo("127.0.0.1");
        assertThat(options.adminAllow()).containsExactly("127.0.0.0/8", "::1/128");
    }

    static Stream<Arguments> bindAddresses() {
        return Stream.of(
                Arguments.of("0.0.0.0", "0.0.0.0", "127.0.0.1", List.of("127.0.0.0/8", "::1/128")),
                Arguments.of("::", "::", "127.0.0.1", List.of("127.0.0.0/8", "::1/128")),
                Arguments.of("127.0.0.2", "127.0.0.2", "127.0.0.2", List.of("127.0.0.0/8", "::1/128")),
                Arguments.of("::1", "::1", "[::1]", List.of("127.0.0.0/8", "::1/128")),
                Arguments.of("192.0.2.7", "192.0.2.7", "192.0.2.7", List.of("127.0.0.0/8", "::1/128",
                        "192.0.2.7/32")),
                Arguments.of("2001:DB8:0::7", "2001:db8::7", "[2001:db8::7]", List.of("127.0.0.0/8", "::1/128",
                        "2001:db8::7/128")));
    }

    @ParameterizedTest
    @MethodSource("bindAddresses")
    void bindSetsTheListeningAddressTheUrlHostAndWhoReachesAdmin(String bind, String address, String host,
            List<String> adminAllow) {
        QuickStartOptions options = QuickStartOptions.parse("--bind", bind);
        assertThat(options.bindAddress()).isEqualTo(address);
        assertThat(options.urlHost()).isEqualTo(host);
        assertThat(options.adminAllow()).isEqualTo(adminAllow);
    }

    @Test
    void adminAllowReplacesTheDefault() {
        QuickStartOptions options = QuickStartOptions.parse("--bind", "0.0.0.0", "--admin-allow",
                "10.0.0.0/8, 192.0.2.1,2001:db8::/32");
        assertThat(options.adminAllow()).containsExactly("10.0.0.0/8", "192.0.2.1/32", "2001:db8::/32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "0.0.0", "192.0.2.1/24", "", "010.0.0.1"})
    void bindTakesOnlyAnIpLiteral(String bind) {
        assertThatThrownBy(() -> QuickStartOptions.parse("--bind", bind))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bind must be an IP address")
                .hasMessageContaining(QuickStartOptions.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/8", "office", "10.0.0.0/33", ""})
    void adminAllowTakesOnlyCidrBlocks(String blocks) {
        assertThatThrownBy(() -> QuickStartOptions.parse("--admin-allow", blocks))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--admin-allow")
                .hasMessageContaining(QuickStartOptions.USAGE);
    }
}
