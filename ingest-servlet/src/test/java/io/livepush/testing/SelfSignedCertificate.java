package io.livepush.testing;

import io.livepush.setup.SelfSignedKeystore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS#12 keystore with a self-signed certificate for {@code localhost} and {@code 127.0.0.1} (made by
 * {@link SelfSignedKeystore}, as the quick start makes its own), and an {@link SSLContext} that trusts exactly it.
 */
public record SelfSignedCertificate(Path keystore, String password) {

    /** Creates the keystore in {@code directory}. */
    public static SelfSignedCertificate create(Path directory) throws IOException {
        Path keystore = directory.resolve("localhost.p12");
        String password = "test-keystore-password";
        SelfSignedKeystore.createIfMissing(keystore, password);
        return new SelfSignedCertificate(keystore, password);
    }

    /** A TLS context that trusts this certificate only. */
    public SSLContext trustingContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
