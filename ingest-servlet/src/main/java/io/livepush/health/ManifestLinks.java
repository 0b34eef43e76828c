package io.livepush.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves the URIs a playlist or MPD names to files of the same slot. Only relative references count: an absolute
 * URL, a path from the host root or anything that leaves the slot's directory resolves to {@code null} (its arrival
 * cannot be checked here). Never touches the file system.
 */
final class ManifestLinks {

    private ManifestLinks() {
    }

    /**
     * The file {@code reference} names, relative to {@code manifest}, if it lies in {@code slotDirectory}.
     *
     * @return the normalised path, or {@code null}
     */
    static Path resolve(Path slotDirectory, Path manifest, String reference) {
        URI uri;
        try {
            uri = new URI(reference.trim());
        } catch (URISyntaxException e) {
            return null;
        }
        String path = uri.getPath();
        if (uri.isAbsolute() || uri.getRawAuthority() != null || path == null || path.isEmpty()
                || path.startsWith("/")) {
            return null;
        }
        try {
            Path file = manifest.resolveSibling(path).normalize();
            return file.startsWith(slotDirectory) && !file.equals(slotDirectory) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
