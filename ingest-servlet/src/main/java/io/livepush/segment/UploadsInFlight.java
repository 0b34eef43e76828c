package io.livepush.segment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uploads arriving at this node right now, by target path (one registry per {@link SegmentStore}). In memory
 * only, with no I/O of its own: {@link SegmentStore#write} announces each upload as it starts, grows and ends, and
 * playback (objects in flight) or a scanner of growing segments subscribe here. A stored object never consults it.
 * <p>
 * Two uploads of the same path at once: {@link #find} returns the one that started last; each ends on its own.
 */
public final class UploadsInFlight {

    private static final Logger LOG = LoggerFactory.getLogger(UploadsInFlight.class);

    private final Map<Path, UploadInFlight> byTarget = new ConcurrentHashMap<>();
    private final List<StartWatch> startWatches = new CopyOnWriteArrayList<>();

    /** The upload in flight to {@code target} (absolute and normalised, as the store resolves it), if any. */
    public Optional<UploadInFlight> find(Path target) {
        return Optional.ofNullable(byTarget.get(target));
    }

    /** How many uploads are in flight on this node. */
    public int size() {
        return byTarget.size();
    }

    /**
     * Tells {@code listener} about every upload that starts from now on below {@code directory} (a slot's directory,
     * say), on the uploading thread before its first byte is stored; it may {@link UploadInFlight#subscribe} to see
     * every byte. Uploads of a watched directory are written through piece by piece as they arrive.
     *
     * @return what stops the watch
     */
    public AutoCloseable watchStarts(Path directory, Consumer<UploadInFlight> listener) {
        StartWatch watch = new StartWatch(directory.toAbsolutePath().normalize(), listener);
        startWatches.add(watch);
        return () -> startWatches.remove(watch);
    }

    /** Announces a new upload of {@code target} whose body goes to {@code tempFile}. */
    UploadInFlight started(Path target, Path tempFile) {
        List<StartWatch> watches = startWatches.isEmpty() ? List.of()
                : startWatches.stream().filter(watch -> target.startsWith(watch.directory())).toList();
        UploadInFlight upload = new UploadInFlight(target, tempFile, !watches.isEmpty());
        byTarget.put(target, upload);
        for (StartWatch watch : watches) {
            try {
                watch.listener().accept(upload);
            } catch (RuntimeException e) {
                // A watcher's failure is its own; the upload goes on.
                LOG.warn("A watcher of {} failed on the {}", watch.directory(), upload, e);
            }
        }
        return upload;
    }

    /** Announces the end of {@code upload}: it leaves the registry first, so a later lookup finds the file instead. */
    void ended(UploadInFlight upload, UploadInFlight.State end) {
        byTarget.remove(upload.target(), upload);
        upload.end(end);
    }

    private record StartWatch(Path directory, Consumer<UploadInFlight> listener) {
    }
}
