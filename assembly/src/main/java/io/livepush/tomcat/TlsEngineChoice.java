package io.livepush.tomcat;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Which {@link TlsEngine} the HTTPS connectors run on, and why: the decision behind {@code LIVEPUSH_TLS_ENGINE}.
 * <dl>
 * <dt>{@code jsse} (also when unset or empty)</dt><dd>JSSE, without trying OpenSSL: the default, because it measured
 * faster (docs/benchmarks.md, 2026-12-06: a new connection costs the server 0.8-0.9 ms of CPU with JSSE and 3-4.5 ms
 * with OpenSSL through FFM on Temurin 25, and uploads on kept-alive connections cost the same or less).</dd>
 * <dt>{@code auto}</dt>
 * <dd>OpenSSL when the JVM is Java 22 or later and OpenSSL loads; JSSE otherwise. Java 17 always gets JSSE and never
 * touches the FFM classes.</dd>
 * <dt>{@code openssl}</dt><dd>OpenSSL, or an {@link IllegalStateException} saying why it cannot run, so that a start
 * that was asked for OpenSSL does not quietly run on JSSE.</dd>
 * </dl>
 * Any other value is an {@link IllegalArgumentException} quoting it.
 *
 * @param engine  the engine chosen
 * @param setting the setting it was chosen for: {@code auto}, {@code jsse} or {@code openssl}
 * @param detail  the OpenSSL version when OpenSSL was chosen, else why not (empty when {@code jsse} was asked for)
 */
public record TlsEngineChoice(TlsEngine engine, String setting, String detail) {

    /** The environment variable (and listener attribute {@code engine}) that holds the setting. */
    public static final String VARIABLE = "LIVEPUSH_TLS_ENGINE";

    static final String AUTO = "auto";
    static final String JSSE = "jsse";
    static final String OPENSSL = "openssl";
    /** The setting when none is given. */
    static final String DEFAULT = JSSE;

    /**
     * Decides. {@code openSsl} is asked only when OpenSSL is a candidate (Java 22 or later, setting {@code auto} or
     * {@code openssl}), so Java 17 never loads anything.
     */
    public static TlsEngineChoice decide(String setting, int javaFeature, Supplier<OpenSslLoad> openSsl) {
        String normalised = normalise(setting);
        if (JSSE.equals(normalised)) {
            return new TlsEngineChoice(TlsEngine.JSSE, normalised, "");
        }
        if (javaFeature < TlsEngine.OPENSSL_MIN_JAVA) {
            return fallBack(normalised, "OpenSSL through FFM needs Java " + TlsEngine.OPENSSL_MIN_JAVA
                    + " or later, this is Java " + javaFeature);
        }
        OpenSslLoad load = openSsl.get();
        if (load.isLoaded()) {
            return new TlsEngineChoice(TlsEngine.OPENSSL, normalised, load.version());
        }
        return fallBack(normalised, load.problem());
    }

    /** Whether {@code setting} is one of {@code auto}, {@code jsse}, {@code openssl} (any case), empty or null. */
    public static boolean isValidSetting(String setting) {
        String normalised = setting == null ? DEFAULT : setting.trim().toLowerCase(Locale.ROOT);
        return normalised.isEmpty() || AUTO.equals(normalised) || JSSE.equals(normalised)
                || OPENSSL.equals(normalised);
    }

    /** The one INFO line that says which engine runs, for the connectors named. */
    public String describe(String connectors, int javaFeature) {
        String why = detail.isEmpty() ? "" : ": " + detail;
        return "TLS engine [" + engine.displayName() + "] for " + connectors + " (" + VARIABLE + " [" + setting
                + "], Java [" + javaFeature + "]" + why + ")";
    }

    private static String normalise(String setting) {
        if (!isValidSetting(setting)) {
            throw new IllegalArgumentException("'" + setting + "' is not a TLS engine (" + VARIABLE
                    + " is auto, jsse or openssl)");
        }
        String normalised = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        return normalised.isEmpty() ? DEFAULT : normalised;
    }

    private static TlsEngineChoice fallBack(String setting, String problem) {
        if (OPENSSL.equals(setting)) {
            throw new IllegalStateException(VARIABLE + " is openssl, but OpenSSL cannot be used: " + problem);
        }
        return new TlsEngineChoice(TlsEngine.JSSE, setting, problem);
    }
}
