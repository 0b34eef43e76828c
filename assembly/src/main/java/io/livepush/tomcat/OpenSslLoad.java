package io.livepush.tomcat;

import java.lang.reflect.InvocationTargetException;

/**
 * The outcome of loading the system's OpenSSL through Tomcat's FFM binding: the library's version, or why it could
 * not be loaded. {@link #attempt()} is the real probe; it goes through reflection because the binding's classes need
 * Java 22 and this code is built for Java 17.
 */
public record OpenSslLoad(String version, String problem) {

    private static final String LIBRARY_CLASS = "org.apache.tomcat.util.net.openssl.panama.OpenSSLLibrary";

    /** OpenSSL loaded and initialised; {@code version} as OpenSSL reports it. */
    public static OpenSslLoad loaded(String version) {
        return new OpenSslLoad(version, null);
    }

    /** OpenSSL cannot be used, for the reason given. */
    public static OpenSslLoad failed(String problem) {
        return new OpenSslLoad(null, problem);
    }

    public boolean isLoaded() {
        return version != null;
    }

    /**
     * Loads and initialises OpenSSL as Tomcat's connector would ({@code OpenSSLLibrary.init()}, which looks up
     * {@code libssl.so} by that name, or by the name in the system property
     * {@code org.apache.tomcat.util.openssl.LIBRARY_NAME}). Call it on Java 22 or later only. A failure leaves the
     * binding unusable for the rest of the JVM's life, which is what the caller needs to know anyway.
     */
    public static OpenSslLoad attempt() {
        Class<?> library;
        try {
            library = Class.forName(LIBRARY_CLASS);
        } catch (ClassNotFoundException | LinkageError e) {
            return failed("Tomcat's FFM OpenSSL classes (tomcat-coyote-ffm) are not on the class path");
        }
        try {
            library.getMethod("init").invoke(null);
            return loaded(String.valueOf(library.getMethod("getVersionString").invoke(null)));
        } catch (InvocationTargetException e) {
            // The binding's static initialiser throws when dlopen("libssl.so") fails.
            return failed("libssl.so could not be loaded (" + rootCause(e) + "); on Debian it comes with libssl-dev");
        } catch (ReflectiveOperationException e) {
            return failed("Tomcat's FFM OpenSSL classes do not match this build (" + e + ")");
        }
    }

    private static String rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
