package io.livepush.health;

import io.livepush.playlist.MasterPlaylists;
import io.livepush.playlist.MediaPlaylist;
import io.livepush.playlist.Variant;
import io.livepush.segment.PublishedFile;
import io.livepush.segment.SegmentEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encoder health per rendition on this node (SPEC §7). Ingest announces every published file
 * ({@link SegmentEvents#written}); a playlist or MPD is only noted there, and the health thread ({@link #process})
 * reads it later: an HLS media playlist through the parsed view ({@code PlaylistViews}), a master playlist for the
 * bitrates it declares, an MPD for its Representations. A master playlist or MPD is read from the bytes the publish
 * kept ({@link PublishedFile#content()}), from the file only when it had none. Each media playlist and each
 * Representation is one {@link RenditionTracker}; {@link #flush} stores what changed through a {@link Sink} (the
 * database), at most every {@link #WRITE_INTERVAL} per rendition, but sooner when the state changed or when the
 * stored row would otherwise turn Late although a newer segment arrived, so that readers judging the stored facts with
 * their own clock show Late and Stopped on time without a write. Renditions silent for {@link #FORGET_AFTER} are
 * forgotten. A slot has at most {@link #MAX_RENDITIONS_PER_SLOT} renditions tracked, which bounds memory and the
 * metrics' label values.
 */
public final class EncoderHealth implements SegmentEvents, RenditionHealthSource {

    /** The most renditions tracked per slot; further playlists are ignored. */
    public static final int MAX_RENDITIONS_PER_SLOT = 32;
    /** How often a changed rendition is stored at most, unless its state changed or it would look late. */
    public static final Duration WRITE_INTERVAL = Duration.ofSeconds(2);
    /** How long before a stored row would turn Late a newer segment is stored regardless of the interval. */
    static final Duration LATE_MARGIN = Duration.ofMillis(750);
    /** Renditions whose playlist was not uploaded for this long are forgotten (and their rows removed). */
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** The newest segments of a window that are followed. */
    static final int MAX_SEGMENTS = 64;
    /** The largest master playlist or MPD read. */
    static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(EncoderHealth.class);

    /** Where reports go: the database in production. */
    @FunctionalInterface
    public interface Sink {
        /** Stores the changed renditions and removes the gone ones; throws when it could not. */
        void store(List<RenditionReport> changed, List<RenditionName> gone);
    }

    private final Path root;
    private final BiFunction<String, String, String> slotIds;
    private final Function<Path, MediaPlaylist> mediaPlaylists;
    private final Clock clock;
    private final Map<Path, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<RenditionName, RenditionTracker> trackers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> declared = new ConcurrentHashMap<>();
    private final Set<RenditionName> gone = ConcurrentHashMap.newKeySet();

    /**
     * @param root           the storage root ({@code {root}/{shortname}/{slot}/...})
     * @param slotIds        the ID of the slot {@code (shortname, name)} this node serves, or {@code null}
     * @param mediaPlaylists the parsed view of the HLS media playlist at a path, or {@code null} when it is none
     */
    public EncoderHealth(Path root, BiFunction<String, String, String> slotIds,
            Function<Path, MediaPlaylist> mediaPlaylists, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.slotIds = slotIds;
        this.mediaPlaylists = mediaPlaylists;
        this.clock = clock;
    }

    @Override
    public void written(PublishedFile published) {
        if (PublishedFile.isManifest(published.file().getFileName().toString())) {
            uploads.put(published.file(), new Upload(clock.instant(), published.content()));
        }
    }

    @Override
    public void removed(Path file) {
        // A removed playlist stops being updated; its rendition turns Late and Stopped by itself.
    }

    /** Reads the playlists and MPDs uploaded since the last call, then re-judges every rendition. */
    public void process() {
        for (Path file : List.copyOf(uploads.keySet())) {
            Upload upload = uploads.remove(file);
            if (upload != null) {
                take(file, upload);
            }
        }
        Instant now = clock.instant();
        trackers.values().removeIf(tracker -> {
            boolean idle = tracker.playlistAt().isBefore(now.minus(FORGET_AFTER));
            if (idle) {
                gone.add(tracker.name());
            }
            return idle;
        });
        trackers.values().forEach(tracker -> tracker.refresh(now));
    }

    /** Stores what is due through {@code sink}; on failure everything stays due for the next call. */
    public void flush(Sink sink) {
        Instant now = clock.instant();
        Map<RenditionTracker, RenditionReport> due = new HashMap<>();
        trackers.values().forEach(tracker -> {
            RenditionReport report = tracker.due(now, WRITE_INTERVAL, LATE_MARGIN);
            if (report != null) {
                due.put(tracker, report);
            }
        });
        List<RenditionName> goneNow = List.copyOf(gone);
        if (due.isEmpty() && goneNow.isEmpty()) {
            return;
        }
        try {
            sink.store(List.copyOf(due.values()), goneNow);
        } catch (RuntimeException e) {
            LOG.debug("Cannot store rendition health; it stays due for the next flush", e);
            return;
        }
        due.forEach((tracker, report) -> tracker.written(report, now));
        goneNow.forEach(gone::remove);
    }

    @Override
    public List<RenditionSnapshot> renditions() {
        Instant now = clock.instant();
        return trackers.values().stream().map(tracker -> tracker.snapshot(now)).toList();
    }

    private void take(Path file, Upload upload) {
        Path relative = root.relativize(file.toAbsolutePath().normalize());
        if (relative.getNameCount() < 3 || relative.startsWith("..")) {
            return;
        }
        String slotId = slotIds.apply(relative.getName(0).toString(), relative.getName(1).toString());
        if (slotId == null) {
            return;
        }
        Path slotDirectory = root.resolve(relative.subpath(0, 2));
        String name = slotDirectory.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        if (name.toLowerCase(Locale.ROOT).endsWith(".mpd")) {
            byte[] content = upload.content(file);
            if (content != null) {
                MpdWindows.of(content, slotDirectory, file, MAX_SEGMENTS)
                        .forEach((id, window) -> update(slotId, name + "#" + id, window, upload.at()));
            }
            return;
        }
        MediaPlaylist media = mediaPlaylists.apply(file);
        if (media != null) {
            update(slotId, name, HlsWindows.of(media, slotDirectory, file, MAX_SEGMENTS), upload.at());
            return;
        }
        byte[] content = upload.content(file);
        String text = content == null ? "" : new String(content, StandardCharsets.UTF_8);
        if (MasterPlaylists.isMaster(text)) {
            declare(slotId, slotDirectory, file, MasterPlaylists.variants(text));
        }
    }

    private void update(String slotId, String rendition, RenditionWindow window, Instant at) {
        RenditionName name = new RenditionName(slotId, rendition);
        RenditionTracker tracker = trackers.get(name);
        if (tracker == null) {
            if (rendition.length() > RenditionReport.MAX_RENDITION_LENGTH || renditionsOf(slotId)
                    >= MAX_RENDITIONS_PER_SLOT) {
                return;
            }
            tracker = new RenditionTracker(name, at);
            tracker.declare(declared.getOrDefault(slotId, Map.of()).get(rendition));
            trackers.put(name, tracker);
            gone.remove(name);
        }
        tracker.update(window, at);
    }

    private long renditionsOf(String slotId) {
        return trackers.keySet().stream().filter(name -> name.slotId().equals(slotId)).count();
    }

    /** Notes the bitrates a master playlist declares for the media playlists it names. */
    private void declare(String slotId, Path slotDirectory, Path master, List<Variant> variants) {
        Map<String, Integer> bitrates = declared.computeIfAbsent(slotId, id -> new ConcurrentHashMap<>());
        for (Variant variant : variants) {
            Path media = ManifestLinks.resolve(slotDirectory, master, variant.uri());
            String rendition = media == null ? null : slotDirectory.relativize(media).toString().replace('\\', '/');
            // Bounded like the trackers: an encoder uploading ever new master playlists cannot grow it without end.
            if (rendition != null
                    && (bitrates.size() < 4 * MAX_RENDITIONS_PER_SLOT || bitrates.containsKey(rendition))) {
                bitrates.put(rendition, (int) Math.min(Integer.MAX_VALUE, variant.declaredBitsPerSecond() / 1000));
            }
        }
        trackers.forEach((name, tracker) -> {
            if (name.slotId().equals(slotId) && bitrates.containsKey(name.rendition())) {
                tracker.declare(bitrates.get(name.rendition()));
            }
        });
    }

    /** A playlist or MPD published at {@code at}, with the bytes the publish kept or {@code null}. */
    private record Upload(Instant at, byte[] published) {

        /** The published bytes, or the file's when the publish kept none; {@code null} when unreadable or too large. */
        byte[] content(Path file) {
            if (published != null) {
                return published;
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] content = in.readNBytes(MAX_MANIFEST_BYTES + 1);
                return content.length > MAX_MANIFEST_BYTES ? null : content;
            } catch (IOException e) {
                return null;
            }
        }
    }
}
