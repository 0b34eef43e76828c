package io.livepush.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A secret kept in a small text file that only its owner may read or write (POSIX mode 600 wherever the file system
 * has modes). The file is created with that mode, so the secret is never readable by others, not even briefly.
 */
final class SecretFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    /**
     * Returns the secret stored in {@code file} (trimmed; the mode is set back to 600 if someone widened it), or
     * stores and returns a new one from {@code generator} when the file does not exist.
     */
    static String readOrCreate(Path file, Supplier<String> generator) throws IOException {
        if (Files.exists(file)) {
            if (hasPosixModes()) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String secret = generator.get();
        write(file, secret + "\n");
        return secret;
    }

    /** Replaces {@code file} with {@code text}, owner-only from the moment it exists. */
    static void write(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        if (hasPosixModes()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static boolean hasPosixModes() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
