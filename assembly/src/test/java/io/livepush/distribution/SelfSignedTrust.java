package io.livepush.distribution;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS context that trusts any certificate, for tests against the self-signed certificates the quick start and
 * {@code livepush-init} make on the spot (there is nothing to pin in advance). Test code only.
 */
public final class SelfSignedTrust {

    private SelfSignedTrust() {
    }

    public static SSLContext context() throws GeneralSecurityException {
        return context("TLS");
    }

    /** The same, for one protocol ({@code TLSv1.2}, {@code TLSv1.3}). */
    public static SSLContext context(String protocol) throws GeneralSecurityException {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // not a server
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // the test made this certificate itself moments ago
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance(protocol);
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }
}
