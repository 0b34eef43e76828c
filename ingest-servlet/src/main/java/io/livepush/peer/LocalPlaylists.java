package io.livepush.peer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's media playlists as peer fill reads them: parsed once per version of the file (size and modification
 * time), and searched for the playlist that names a missing segment. Only the segment's directory and its parents up to
 * the slot's directory are searched, and only on a miss of a slot with a peer PoP.
 */
final class LocalPlaylists {

    /** The most playlists kept parsed; beyond it the cache starts over (a node has a few per slot). */
    private static final int MAX_CACHED = 10_000;

    /**
     * The playlist that names a segment.
     *
     * @param file     the local playlist file
     * @param playlist its path below the slot
     * @param stored   the stored playlist's view when it names the segment, else {@code null} (the segment is named
     *                 only by the peer's copy answered in its place)
     */
    record Naming(Path file, String playlist, MediaPlaylist stored) {
    }

    private record Parsed(long size, FileTime modified, MediaPlaylist playlist) {
    }

    private final Map<Path, Parsed> parsed = new ConcurrentHashMap<>();

    /** The media playlist stored at {@code file} (which has {@code attributes}); {@code null} for anything else. */
    MediaPlaylist read(Path file, BasicFileAttributes attributes) throws IOException {
        Parsed known = parsed.get(file);
        if (known != null && known.size() == attributes.size()
                && known.modified().equals(attributes.lastModifiedTime())) {
            return known.playlist();
        }
        MediaPlaylist playlist;
        try {
            playlist = MediaPlaylist.parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            // Deleted since its attributes were read (the slot is being removed): it names nothing any more.
            return null;
        }
        if (parsed.size() >= MAX_CACHED) {
            parsed.clear();
        }
        parsed.put(file, new Parsed(attributes.size(), attributes.lastModifiedTime(), playlist));
        return playlist;
    }

    /**
     * The media playlist below {@code slotDirectory} that names the segment at {@code relative}, looking at each
     * stored playlist and at the peer's copy last answered in its place; {@code null} when none does.
     */
    Naming naming(Path slotDirectory, String relative, Map<Path, MediaPlaylist> servedFromPeer) throws IOException {
        Path directory = slotDirectory.resolve(relative).getParent();
        while (directory != null && directory.startsWith(slotDirectory)) {
            Naming naming = namingIn(slotDirectory, directory, relative, servedFromPeer);
            if (naming != null) {
                return naming;
            }
            directory = directory.equals(slotDirectory) ? null : directory.getParent();
        }
        return null;
    }

    private Naming namingIn(Path slotDirectory, Path directory, String relative,
            Map<Path, MediaPlaylist> servedFromPeer) throws IOException {
        if (!Files.isDirectory(directory)) {
            return null;
        }
        try (DirectoryStream<Path> playlists = Files.newDirectoryStream(directory, "*.m3u8")) {
            for (Path file : playlists) {
                String playlistPath = slotDirectory.relativize(file).toString().replace('\\', '/');
                BasicFileAttributes attributes = attributes(file);
                MediaPlaylist stored = attributes == null ? null : read(file, attributes);
                if (names(stored, playlistPath, relative)) {
                    return new Naming(file, playlistPath, stored);
                }
                if (names(servedFromPeer.get(file), playlistPath, relative)) {
                    return new Naming(file, playlistPath, null);
                }
            }
        }
        return null;
    }

    private static boolean names(MediaPlaylist playlist, String playlistPath, String relative) {
        if (playlist == null) {
            return false;
        }
        for (String uri : playlist.segments().keySet()) {
            if (relative.equals(GapRules.resolve(playlistPath, uri))) {
                return true;
            }
        }
        return false;
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes : null;
        } catch (IOException e) {
            return null;
        }
    }
}
