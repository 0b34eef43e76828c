package io.livepush.tomcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The real probe, against this machine's OpenSSL, through the FFM classes the quick start carries. */
class OpenSslLoadTest {

    @Test
    void onJava22OrLaterWithLibsslOpenSslLoadsAndReportsItsVersion() {
        assumeTrue(Runtime.version().feature() >= TlsEngine.OPENSSL_MIN_JAVA, "OpenSSL through FFM needs Java 22+");
        assumeTrue(ExpectedTlsEngines.hasLibssl(), "no libssl.so on this machine (Debian: apt-get install libssl-dev)");

        OpenSslLoad load = OpenSslLoad.attempt();

        assertThat(load.isLoaded()).as(String.valueOf(load.problem())).isTrue();
        assertThat(load.version()).startsWith("OpenSSL 3.");
    }
}
