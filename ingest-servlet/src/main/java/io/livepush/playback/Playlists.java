package io.livepush.playback;

import io.livepush.playlist.MasterPlaylists;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Tells an HLS master playlist from a media playlist by its stored content, for MediaVault's {@code URL} mode
 * (reference/mediavault.md §12: a {@code .m3u8} containing {@code #EXT-X-STREAM-INF} is a main manifest).
 * <p>
 * Reads at most {@value #MAX_BYTES} bytes: master playlists are small, and a tag further down a huge file does not make
 * it one. A missing file or a directory is not a master playlist (the request then ends in 404 without a token
 * check).
 */
public final class Playlists {

    /** The most bytes read from a playlist. */
    static final int MAX_BYTES = 256 * 1024;

    private Playlists() {
    }

    /**
     * Returns whether the file at {@code playlist} is an HLS master playlist.
     *
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public static boolean isMaster(Path playlist) {
        if (Files.isDirectory(playlist)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(playlist)) {
            head = in.readNBytes(MAX_BYTES);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read playlist " + playlist, e);
        }
        return isMaster(head);
    }

    /** Returns whether the first {@value #MAX_BYTES} bytes of a playlist's {@code content} make a master playlist. */
    static boolean isMaster(byte[] content) {
        // ISO-8859-1 turns each byte into one char, so the tag's ASCII bytes are found as they are, by the JDK's
        // intrinsic string search.
        return MasterPlaylists.isMaster(
                new String(content, 0, Math.min(content.length, MAX_BYTES), StandardCharsets.ISO_8859_1));
    }
}
