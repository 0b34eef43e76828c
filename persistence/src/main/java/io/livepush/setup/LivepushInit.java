package io.livepush.setup;

import io.livepush.domain.Region;
import io.livepush.service.LivePushException;
import io.livepush.service.PopDraft;
import io.livepush.store.Database;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * {@code bin/livepush-init}: creates the TLS keystore when missing, and creates or upgrades the schema, the first
 * operator and this node's PoP. A command-line tool: what it did goes to standard output.
 * <p>
 * Reads {@code LIVEPUSH_KEYSTORE} and {@code LIVEPUSH_KEYSTORE_PASSWORD}, {@code LIVEPUSH_DB_URL}, {@code LIVEPUSH_DB_USER}, {@code LIVEPUSH_DB_PASSWORD}, {@code LIVEPUSH_POP},
 * {@code LIVEPUSH_POP_REGION} (API value, default {@code europe}), {@code LIVEPUSH_INGEST_BASE_URL},
 * {@code LIVEPUSH_PLAYBACK_BASE_URL}, {@code LIVEPUSH_PLAYBACK_HTTPS_BASE_URL} (optional: where viewers reach the
 * {@code live} application over HTTPS), {@code LIVEPUSH_OPERATOR_USER} and {@code LIVEPUSH_OPERATOR_PASSWORD} (asked
 * for on the console when unset) from the environment. Prints what it did; never prints a password.
 */
public final class LivepushInit {

    private LivepushInit() {
    }

    public static void main(String[] args) {
        try {
            initialise(System.getenv());
        } catch (LivePushException | IllegalArgumentException e) {
            System.err.println("livepush-init: " + e.getMessage());
            System.exit(2);
        }
    }

    static void initialise(Map<String, String> env) {
        createKeystore(env);
        String url = required(env, "LIVEPUSH_DB_URL");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, env.getOrDefault("LIVEPUSH_DB_USER",
                "livepush"), env.getOrDefault("LIVEPUSH_DB_PASSWORD", ""));
        try (Database database = Database.open(dataSource, true)) {
            System.out.println("Schema of " + url + " is up to date");
            Installer installer = new Installer(database, Clock.systemUTC());
            String pop = env.getOrDefault("LIVEPUSH_POP", "default");
            installer.ensurePop(new PopDraft(pop, Region.parse(env.getOrDefault("LIVEPUSH_POP_REGION", "europe")),
                    required(env, "LIVEPUSH_INGEST_BASE_URL"), required(env, "LIVEPUSH_PLAYBACK_BASE_URL"),
                    env.get("LIVEPUSH_PLAYBACK_HTTPS_BASE_URL")));
            System.out.println("PoP '" + pop + "' exists");
            String user = env.getOrDefault("LIVEPUSH_OPERATOR_USER", "operator");
            String password = env.get("LIVEPUSH_OPERATOR_PASSWORD");
            if (password == null) {
                password = ask("Password for the first operator '" + user + "' (12+ characters): ");
            }
            boolean created = installer.createFirstOperator(user, password);
            System.out.println(created ? "Created the first operator '" + user + "'"
                    : "Users exist already; no operator created");
        }
    }

    private static void createKeystore(Map<String, String> env) {
        String keystore = env.get("LIVEPUSH_KEYSTORE");
        if (keystore == null || keystore.isBlank()) {
            return;
        }
        try {
            boolean created = SelfSignedKeystore.createIfMissing(Path.of(keystore),
                    required(env, "LIVEPUSH_KEYSTORE_PASSWORD"));
            System.out.println(created ? "Created a self-signed TLS keystore at " + keystore
                    + " (replace it with a certificate your encoders trust)" : "TLS keystore " + keystore + " exists");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            System.err.println("livepush-init: " + name + " must be set (see docs/install.md)");
            System.exit(2);
        }
        return value;
    }

    private static String ask(String prompt) {
        Console console = System.console();
        if (console == null) {
            System.err.println("livepush-init: set LIVEPUSH_OPERATOR_PASSWORD (no console to ask on)");
            System.exit(2);
        }
        return new String(console.readPassword(prompt));
    }
}
