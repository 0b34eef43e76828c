package io.livepush.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a PKCS#12 keystore holding a self-signed certificate (EC P-256, 825 days) for {@code localhost},
 * {@code 127.0.0.1} and {@code ::1} with the JDK's own {@code keytool}, for the quick start, {@code livepush-init}
 * and tests. Production installations bring a certificate their encoders trust (docs/install.md).
 */
public final class SelfSignedKeystore {

    /** The alias of the key entry. */
    public static final String ALIAS = "livepush";

    private SelfSignedKeystore() {
    }

    /** Creates {@code keystore} with {@code password} unless it exists; returns whether it did. */
    public static boolean createIfMissing(Path keystore, String password) throws IOException {
        if (Files.exists(keystore)) {
            return false;
        }
        Files.createDirectories(keystore.toAbsolutePath().getParent());
        Path log = Files.createTempFile("keytool", ".log");
        try {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            // The password goes through the environment, so it never shows in a process listing.
            ProcessBuilder builder = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                    "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "825", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass:env", "LIVEPUSH_KEYTOOL_PASSWORD"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("LIVEPUSH_KEYTOOL_PASSWORD", password);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(keystore)) {
                throw new IOException("keytool could not create " + keystore + ": " + Files.readString(log));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while creating " + keystore, e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
