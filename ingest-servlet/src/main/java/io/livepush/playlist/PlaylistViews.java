package io.livepush.playlist;

import io.livepush.segment.PublishedFile;
import io.livepush.segment.SegmentEvents;
import io.livepush.segment.SegmentStore;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parsed view of every HLS media playlist of this node, kept in memory per file: blocking reloads, origin-made
 * parts and encoder health read it instead of the file. When ingest publishes a playlist ({@link
 * SegmentEvents#written}), the view is replaced by the bytes published (or, when ingest did not keep them, by a mark to
 * read the file) and parsed by its first reader: the upload does not wait for a parse, and a playlist rewritten more
 * often than it is read is parsed only when read. A playlist published before this node started is read on first use. A
 * file that is not a media playlist (a master playlist, broken text, over {@value #MAX_BYTES} bytes) has no view.
 * Listeners hear of every playlist published, on the publishing thread. Safe for concurrent use.
 */
public final class PlaylistViews implements SegmentEvents {

    /** The servlet context attribute holding the views. */
    public static final String ATTRIBUTE = PlaylistViews.class.getName();
    /** The largest playlist parsed. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PlaylistViews.class);
    /** The value stored for a file that has no view, so it is not read on every request. */
    private static final Object NO_VIEW = new Object();

    /** Per file: a {@link PublishedPlaylist}, {@link #NO_VIEW}, or the last publish, {@link Unparsed}. */
    private final Map<Path, Object> views = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Path>> listeners = new CopyOnWriteArrayList<>();

    /**
     * A publish that the view's first reader parses: its bytes, or {@code null} to read the file. Equal only to itself,
     * so that a reader replaces the publish it parsed and never a newer one.
     */
    private static final class Unparsed {
        private final byte[] content;

        Unparsed(byte[] content) {
            this.content = content;
        }
    }

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

    /** Calls {@code listener} with the file whenever a playlist is published. */
    public void addListener(Consumer<Path> listener) {
        listeners.add(listener);
    }

    /** The view of the media playlist at {@code file}; {@code null} when there is none. */
    public MediaPlaylist view(Path file) {
        PublishedPlaylist published = published(file);
        return published == null ? null : published.playlist();
    }

    /** The media playlist at {@code file} as published, bytes and view; {@code null} when there is none. */
    public PublishedPlaylist published(Path file) {
        Object view = views.get(file);
        if (view == null) {
            view = read(file);
            if (view == null) {
                return null;
            }
            Object raced = views.putIfAbsent(file, view);
            view = raced == null ? view : raced;
        }
        if (view instanceof Unparsed unparsed) {
            view = unparsed.content == null ? read(file) : parse(file, unparsed.content);
            if (view == null) {
                views.remove(file, unparsed);
                return null;
            }
            views.replace(file, unparsed, view);
        }
        return view instanceof PublishedPlaylist published ? published : null;
    }

    @Override
    public void written(PublishedFile published) {
        Path file = published.file();
        if (!isPlaylist(file.getFileName().toString())) {
            return;
        }
        views.put(file, new Unparsed(published.content()));
        listeners.forEach(listener -> listener.accept(file));
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
        return parse(file, content);
    }

    /** Parses the bytes of {@code file}: a playlist or {@link #NO_VIEW}. */
    private static Object parse(Path file, byte[] content) {
        if (content.length > MAX_BYTES) {
            return NO_VIEW;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (MasterPlaylists.isMaster(text)) {
            return NO_VIEW;
        }
        try {
            return new PublishedPlaylist(content, MediaPlaylists.parse(text));
        } catch (IllegalArgumentException e) {
            LOG.debug("[{}] is not a media playlist: {}", file, e.getMessage());
            return NO_VIEW;
        }
    }
}
