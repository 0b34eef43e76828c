package io.livepush.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS#12 keystore with a self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made with the JDK's
 * {@code keytool}, and an {@link SSLContext} that trusts exactly that certificate.
 */
public record SelfSignedCertificate(Path keystore, String password) {

    /** Creates the keystore in {@code directory}. */
    public static SelfSignedCertificate create(Path directory) throws IOException, InterruptedException {
        Path keystore = directory.resolve("localhost.p12");
        String password = "changeit";
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "tomcat",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", password, "-keypass", password))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("keytool.log").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(keystore)) {
            throw new IOException("keytool failed: " + Files.readString(directory.resolve("keytool.log")));
        }
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
