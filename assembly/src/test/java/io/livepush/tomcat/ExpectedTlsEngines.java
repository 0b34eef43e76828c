package io.livepush.tomcat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the tests expect {@code LIVEPUSH_TLS_ENGINE=auto} to pick on the JVM and machine they run on. */
public final class ExpectedTlsEngines {

    private ExpectedTlsEngines() {
    }

    /** OpenSSL on Java 22 or later where {@link #hasLibssl()}, JSSE otherwise. */
    public static TlsEngine forThisJvm() {
        return Runtime.version().feature() >= TlsEngine.OPENSSL_MIN_JAVA && hasLibssl() ? TlsEngine.OPENSSL
                : TlsEngine.JSSE;
    }

    /** Whether a {@code libssl.so} (Debian: libssl-dev) lies where the dynamic loader looks by default. */
    public static boolean hasLibssl() {
        return Stream.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/x86_64-linux-gnu",
                "/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib")
                .anyMatch(directory -> Files.exists(Path.of(directory, "libssl.so")));
    }

    /** The start of the INFO line that names the engine, e.g. {@code TLS engine [OpenSSL] for HTTPS port}. */
    public static String logLineFor(TlsEngine engine) {
        return "TLS engine [" + engine.displayName() + "] for HTTPS port";
    }
}
