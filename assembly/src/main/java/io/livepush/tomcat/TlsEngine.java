package io.livepush.tomcat;

/**
 * The TLS implementations a Live Push connector can run on, each with the Tomcat {@code SSLImplementation} class that
 * {@code sslImplementationName} names. Both read the same configuration (a PKCS12 keystore, protocols, ciphers).
 */
public enum TlsEngine {

    /** The JDK's own TLS (JSSE): every Java version. */
    JSSE("JSSE", "org.apache.tomcat.util.net.jsse.JSSEImplementation"),
    /**
     * The system's OpenSSL ({@code libssl.so}) through the Foreign Function and Memory API: Java 22 or later, with
     * Tomcat's {@code tomcat-coyote-ffm} classes on the class path; no tomcat-native library.
     */
    OPENSSL("OpenSSL", "org.apache.tomcat.util.net.openssl.panama.OpenSSLImplementation");

    /** The first Java feature release whose FFM API Tomcat's OpenSSL implementation runs on. */
    public static final int OPENSSL_MIN_JAVA = 22;

    private final String displayName;
    private final String implementationClassName;

    TlsEngine(String displayName, String implementationClassName) {
        this.displayName = displayName;
        this.implementationClassName = implementationClassName;
    }

    /** The name the log line shows: {@code JSSE} or {@code OpenSSL}. */
    public String displayName() {
        return displayName;
    }

    /** The value for a connector's {@code sslImplementationName}. */
    public String implementationClassName() {
        return implementationClassName;
    }
}
