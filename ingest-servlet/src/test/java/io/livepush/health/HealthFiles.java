package io.livepush.health;

import io.livepush.playlist.MediaPlaylists;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what an encoder uploads into a test's slot directory: segments of a given size and HLS media playlists. */
final class HealthFiles {

    private HealthFiles() {
    }

    /** A media playlist of {@code count} one-second segments {@code prefix<n>.ts} from media sequence {@code first}. */
    static String playlist(String prefix, long first, int count, boolean ended) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n"
                + "#EXT-X-MEDIA-SEQUENCE:" + first + "\n");
        for (long n = first; n < first + count; n++) {
            text.append("#EXTINF:1.000000,\n").append(prefix).append(n).append(".ts\n");
        }
        return text.append(ended ? "#EXT-X-ENDLIST\n" : "").toString();
    }

    /** The window of {@code text} stored at {@code file} in {@code slot}. */
    static RenditionWindow window(Path slot, Path file, String text) {
        return HlsWindows.of(MediaPlaylists.parse(text), slot, file, EncoderHealth.MAX_SEGMENTS);
    }

    /** Writes {@code bytes} bytes at {@code file}, creating its directory. */
    static Path segment(Path file, int bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, new byte[bytes]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path text(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
