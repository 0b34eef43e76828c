package io.livepush.playlist;

import io.livepush.segment.SegmentEvents;
import io.livepush.segment.SegmentStore;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parsed view of every HLS media playlist of this node, kept in memory per file and refreshed when ingest publishes
 * the playlist ({@link SegmentEvents#written}): blocking reloads, origin-made parts and encoder health read it instead
 * of the file. A playlist published before this node started is read on first use. A file that is not a media
 * playlist (a master playlist, broken text, over {@value #MAX_BYTES} bytes) has no view. Listeners hear of every new
 * view on the publishing thread. Safe for concurrent use.
 */
public final class PlaylistViews implements SegmentEvents {

    /** The servlet context attribute holding the views. */
    public static final String ATTRIBUTE = PlaylistViews.class.getName();
    /** The largest playlist parsed. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PlaylistViews.class);
    /** The value stored for a file that has no view, so it is not read on every request. */
    private static final Object NO_VIEW = new Object();

    private final Map<Path, Object> views = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<BiConsumer<Path, MediaPlaylist>> listeners = new CopyOnWriteArrayList<>();

    /** Creates the views of {@code store}'s playlists and stores them in {@code context} (called at startup). */
    public static PlaylistViews attach(ServletContext context, SegmentStore store) {
        PlaylistViews views = new PlaylistViews();
        store.addListener(views);
        context.setAttribute(ATTRIBUTE, views);
        return views;
    }

    /** The views of {@code context}; fails loudly when they were not attached at startup. */
    public static PlaylistViews from(ServletContext context) {
        Object views = context.getAttribute(ATTRIBUTE);
        if (!(views instanceof PlaylistViews found)) {
            throw new IllegalStateException("PlaylistViews were not attached by OriginBootstrap");
        }
        return found;
    }

    /** Returns whether {@code fileName} names an HLS playlist. */
    public static boolean isPlaylist(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".m3u8");
    }

    /** Calls {@code listener} with the file and its new view whenever a media playlist is published. */
    public void addListener(BiConsumer<Path, MediaPlaylist> listener) {
        listeners.add(listener);
    }

    /** The view of the media playlist at {@code file}; {@code null} when there is none. */
    public MediaPlaylist view(Path file) {
        Object view = views.get(file);
        if (view == null) {
            view = read(file);
            if (view == null) {
                return null;
            }
            views.putIfAbsent(file, view);
        }
        return view instanceof MediaPlaylist playlist ? playlist : null;
    }

    @Override
    public void written(Path file, Instant modified) {
        if (!isPlaylist(file.getFileName().toString())) {
            return;
        }
        Object view = read(file);
        if (view == null) {
            views.remove(file);
            return;
        }
        views.put(file, view);
        if (view instanceof MediaPlaylist playlist) {
            listeners.forEach(listener -> listener.accept(file, playlist));
        }
    }

    @Override
    public void removed(Path file) {
        views.remove(file);
    }

    /** Reads and parses {@code file}: a playlist, {@link #NO_VIEW}, or {@code null} when the file is missing. */
    private static Object read(Path file) {
        if (!isPlaylist(file.getFileName().toString())) {
            return NO_VIEW;
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.debug("Cannot read playlist [{}]", file, e);
            return null;
        }
        if (content.length > MAX_BYTES) {
            return NO_VIEW;
        }
        try {
            return MediaPlaylists.parse(new String(content, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            LOG.debug("[{}] is not a media playlist: {}", file, e.getMessage());
            return NO_VIEW;
        }
    }
}
