package io.livepush.quickstart;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the quick start tells its user and scripts: URLs and the demo credentials. The credentials are made once, on
 * the first start, and kept (owner-only) in the data folder, so a restart prints the same ones.
 */
final class QuickStartFacts {

    static final String[] KEYS = {"portalUrl", "apiUrl", "adminUser", "adminPassword", "operatorUser",
        "operatorPassword", "shortname", "slot", "ingestUrl", "ingestUser", "ingestPassword", "playbackUrl"};

    private final Map<String, String> values = new LinkedHashMap<>();

    String get(String key) {
        return values.get(key);
    }

    QuickStartFacts put(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** Reads the secrets kept from an earlier start, if any. */
    static QuickStartFacts load(Path file) throws IOException {
        QuickStartFacts facts = new QuickStartFacts();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            }
            properties.stringPropertyNames().forEach(key -> facts.put(key, properties.getProperty(key)));
        }
        return facts;
    }

    /** Keeps the values for the next start, readable by the owner only. */
    void save(Path file) throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        try (Writer out = ownerOnly(file)) {
            properties.store(out, "Live Push quick start: generated credentials (keep private)");
        }
    }

    /** Writes the facts as JSON for scripts ({@code livepush-data/quickstart.json}). */
    void writeJson(Path file) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        for (int i = 0; i < KEYS.length; i++) {
            json.append("  \"").append(KEYS[i]).append("\": \"").append(escape(values.getOrDefault(KEYS[i], "")))
                    .append('"').append(i + 1 < KEYS.length ? ",\n" : "\n");
        }
        json.append("}\n");
        try (Writer out = ownerOnly(file)) {
            out.write(json.toString());
        }
    }

    private static Writer ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        return Files.newBufferedWriter(file, StandardOpenOption.TRUNCATE_EXISTING);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
