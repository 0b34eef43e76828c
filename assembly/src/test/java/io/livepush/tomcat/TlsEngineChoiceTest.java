package io.livepush.tomcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TlsEngineChoiceTest {

    private static final OpenSslLoad LOADED = OpenSslLoad.loaded("OpenSSL 3.0.19 27 Jan 2026");
    private static final OpenSslLoad NO_LIBSSL = OpenSslLoad.failed("libssl.so could not be loaded");

    static Stream<Arguments> decisions() {
        return Stream.of(
                // setting, Java, what loading OpenSSL gives, engine expected
                Arguments.of("auto", 17, LOADED, TlsEngine.JSSE),
                Arguments.of("auto", 21, LOADED, TlsEngine.JSSE),
                Arguments.of("auto", 22, LOADED, TlsEngine.OPENSSL),
                Arguments.of("auto", 25, LOADED, TlsEngine.OPENSSL),
                Arguments.of("auto", 25, NO_LIBSSL, TlsEngine.JSSE),
                Arguments.of(null, 25, LOADED, TlsEngine.JSSE),
                Arguments.of("", 25, LOADED, TlsEngine.JSSE),
                Arguments.of(" AUTO ", 17, LOADED, TlsEngine.JSSE),
                Arguments.of("jsse", 25, LOADED, TlsEngine.JSSE),
                Arguments.of("JSSE", 17, LOADED, TlsEngine.JSSE),
                Arguments.of("openssl", 22, LOADED, TlsEngine.OPENSSL),
                Arguments.of("OpenSSL", 25, LOADED, TlsEngine.OPENSSL));
    }

    @ParameterizedTest(name = "[{0}] on Java {1} with {2} runs {3}")
    @MethodSource("decisions")
    void theSettingTheJavaVersionAndOpenSslDecideTheEngine(String setting, int java, OpenSslLoad load,
            TlsEngine expected) {
        assertThat(TlsEngineChoice.decide(setting, java, () -> load).engine()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 21})
    void beforeJava22OpenSslIsNeverLoaded(int java) {
        AtomicInteger loads = new AtomicInteger();
        TlsEngineChoice choice = TlsEngineChoice.decide("auto", java, counting(loads));

        assertThat(loads).hasValue(0);
        assertThat(choice.detail()).contains("needs Java 22 or later, this is Java " + java);
    }

    @Test
    void jsseIsTakenWithoutLoadingOpenSsl() {
        AtomicInteger loads = new AtomicInteger();
        TlsEngineChoice choice = TlsEngineChoice.decide("jsse", 25, counting(loads));

        assertThat(loads).hasValue(0);
        assertThat(choice.engine()).isEqualTo(TlsEngine.JSSE);
    }

    @Test
    void autoWithoutLibsslFallsBackToJsseAndSaysWhy() {
        TlsEngineChoice choice = TlsEngineChoice.decide("auto", 25, () -> NO_LIBSSL);

        assertThat(choice.describe("HTTPS port [8443]", 25)).isEqualTo("TLS engine [JSSE] for HTTPS port [8443] "
                + "(LIVEPUSH_TLS_ENGINE [auto], Java [25]: libssl.so could not be loaded)");
    }

    @Test
    void theLogLineNamesOpenSslAndItsVersion() {
        TlsEngineChoice choice = TlsEngineChoice.decide("auto", 25, () -> LOADED);

        assertThat(choice.describe("HTTPS port [8443]", 25)).isEqualTo("TLS engine [OpenSSL] for HTTPS port [8443] "
                + "(LIVEPUSH_TLS_ENGINE [auto], Java [25]: OpenSSL 3.0.19 27 Jan 2026)");
        assertThat(choice.engine().implementationClassName())
                .isEqualTo("org.apache.tomcat.util.net.openssl.panama.OpenSSLImplementation");
    }

    @Test
    void opensslOnJava17StopsTheStart() {
        assertThatThrownBy(() -> TlsEngineChoice.decide("openssl", 17, () -> LOADED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LIVEPUSH_TLS_ENGINE is openssl, but OpenSSL cannot be used")
                .hasMessageContaining("Java 22");
    }

    @Test
    void opensslWithoutLibsslStopsTheStart() {
        assertThatThrownBy(() -> TlsEngineChoice.decide("openssl", 25, () -> NO_LIBSSL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("libssl.so could not be loaded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"boringssl", "apr", "true", "open ssl", "jsse,openssl"})
    void anUnknownSettingIsRefusedQuotingIt(String setting) {
        assertThat(TlsEngineChoice.isValidSetting(setting)).isFalse();
        assertThatThrownBy(() -> TlsEngineChoice.decide(setting, 25, () -> LOADED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'" + setting + "' is not");
    }

    private static Supplier<OpenSslLoad> counting(AtomicInteger loads) {
        return () -> {
            loads.incrementAndGet();
            return LOADED;
        };
    }
}
