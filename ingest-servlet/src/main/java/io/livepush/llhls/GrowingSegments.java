package io.livepush.llhls;

import io.livepush.segment.UploadInFlight;
import io.livepush.segment.UploadListener;
import io.livepush.segment.UploadsInFlight;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fMP4 segments being uploaded to low-latency slots whose playlists players follow, with the fragments found in
 * each so far ({@link FragmentScanner}). A playlist request registers its playlist's segment naming and init segment
 * ({@link #follow}); from then on the slot's directory is watched ({@link UploadsInFlight#watchStarts}) and every
 * upload that is a later segment of that playlist is scanned as it grows, on one scanning thread that reads the new
 * bytes from the upload's temporary file (upload listeners must not do I/O). Each new fragment is announced with the
 * playlist's path, so held reloads can be answered. A slot nobody asked for within {@value #UNUSED_SECONDS} seconds
 * is no longer watched, and segments are forgotten {@value #KEEP_SECONDS} seconds after they started.
 */
final class GrowingSegments implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GrowingSegments.class);
    static final long UNUSED_SECONDS = 60;
    static final long KEEP_SECONDS = 60;
    private static final int READ_BYTES = 64 * 1024;

    private final UploadsInFlight uploads;
    private final ExecutorService scanning;
    private final Consumer<Path> partsChanged;
    private final Map<Path, Watch> watches = new ConcurrentHashMap<>();
    private final Map<Path, GrowingSegment> segments = new ConcurrentHashMap<>();
    private final Map<Path, InitCache> inits = new ConcurrentHashMap<>();

    /**
     * @param partsChanged hears the playlist path whenever a segment of it gains a fragment or is published
     */
    GrowingSegments(UploadsInFlight uploads, ExecutorService scanning, Consumer<Path> partsChanged) {
        this.uploads = uploads;
        this.scanning = scanning;
        this.partsChanged = partsChanged;
    }

    /** Follows the later segments of the playlist at {@code playlist}, named as {@code naming}, below {@code slot}. */
    void follow(Path slot, Path playlist, SegmentNaming naming, Path initFile) {
        Watch watch = watches.computeIfAbsent(slot, directory -> new Watch());
        watch.lastUsedNanos = System.nanoTime();
        if (watch.followed.stream().noneMatch(followed -> followed.playlist().equals(playlist)
                && followed.naming().equals(naming) && followed.initFile().equals(initFile))) {
            watch.followed.removeIf(followed -> followed.playlist().equals(playlist));
            watch.followed.add(new Followed(playlist, naming, initFile));
        }
        if (watch.stop == null) {
            synchronized (watch) {
                if (watch.stop == null) {
                    watch.stop = uploads.watchStarts(slot, upload -> started(watch, upload));
                }
            }
        }
    }

    /** The segment uploading (or recently uploaded) at {@code target}, or {@code null}. */
    GrowingSegment find(Path target) {
        return segments.get(target.toAbsolutePath().normalize());
    }

    /** Stops watching slots nobody asked for lately and forgets old segments. */
    void sweep() {
        long now = System.nanoTime();
        watches.forEach((slot, watch) -> {
            if (now - watch.lastUsedNanos > TimeUnit.SECONDS.toNanos(UNUSED_SECONDS)
                    && watches.remove(slot, watch)) {
                watch.close();
            }
        });
        segments.values().removeIf(segment -> segment.complete()
                && now - segment.startedNanos() > TimeUnit.SECONDS.toNanos(KEEP_SECONDS));
    }

    @Override
    public void close() {
        watches.values().forEach(Watch::close);
        watches.clear();
    }

    /** On the uploading thread: an upload started below a watched slot. */
    private void started(Watch watch, UploadInFlight upload) {
        for (Followed followed : watch.followed) {
            if (followed.naming().names(upload.target())) {
                GrowingSegment segment = new GrowingSegment(upload, followed.playlist());
                segments.put(upload.target(), segment);
                scanning.execute(() -> startScan(segment, followed.initFile()));
                return;
            }
        }
    }

    private void startScan(GrowingSegment segment, Path initFile) {
        InitSegment init = init(initFile);
        if (init == null) {
            segments.remove(segment.upload().target(), segment);
            return;
        }
        Scan scan = new Scan(segment, new FragmentScanner(init));
        segment.upload().subscribe(scan);
        scan.run();
    }

    /** The parsed init segment at {@code file}, read again when it changed; {@code null} when unreadable. */
    private InitSegment init(Path file) {
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            InitCache cached = inits.get(file);
            if (cached != null && cached.modified() == modified) {
                return cached.init();
            }
            InitSegment init = InitSegment.parse(Files.readAllBytes(file));
            inits.put(file, new InitCache(modified, init));
            return init;
        } catch (IOException | RuntimeException e) {
            LOG.debug("No parts for segments of init segment [{}]: {}", file, e.toString());
            return null;
        }
    }

    /** The scanning of one upload: runs on the scanning thread whenever the upload grew or ended. */
    private final class Scan implements UploadListener, Runnable {
        private final GrowingSegment segment;
        private final FragmentScanner scanner;
        private final AtomicBoolean queued = new AtomicBoolean();
        private final ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);
        private FileChannel channel;

        Scan(GrowingSegment segment, FragmentScanner scanner) {
            this.segment = segment;
            this.scanner = scanner;
        }

        @Override
        public void grew(UploadInFlight upload, long bytes) {
            queue();
        }

        @Override
        public void published(UploadInFlight upload) {
            queue();
        }

        @Override
        public void aborted(UploadInFlight upload) {
            segments.remove(upload.target(), segment);
            queue();
        }

        private void queue() {
            if (queued.compareAndSet(false, true)) {
                scanning.execute(this);
            }
        }

        @Override
        public void run() {
            queued.set(false);
            UploadInFlight upload = segment.upload();
            UploadInFlight.State state = upload.state();
            try {
                if (state == UploadInFlight.State.ABORTED) {
                    closeChannel();
                    return;
                }
                List<Fragment> found = read(upload, upload.bytes());
                segment.add(found);
                if (state == UploadInFlight.State.PUBLISHED) {
                    segment.markComplete();
                    closeChannel();
                }
                if (!found.isEmpty() || state == UploadInFlight.State.PUBLISHED) {
                    partsChanged.accept(segment.playlist());
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Stopped scanning the {}: {}", upload, e.toString());
                segments.remove(upload.target(), segment);
                closeChannel();
            }
        }

        private List<Fragment> read(UploadInFlight upload, long upTo) throws IOException {
            if (channel == null) {
                channel = upload.open();
            }
            List<Fragment> found = new java.util.ArrayList<>();
            while (scanner.position() < upTo && !scanner.failed()) {
                buffer.clear().limit((int) Math.min(READ_BYTES, upTo - scanner.position()));
                if (channel.read(buffer, scanner.position()) <= 0) {
                    break;
                }
                found.addAll(scanner.feed(buffer.flip()));
            }
            return found;
        }

        private void closeChannel() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.debug("Cannot close the scanned {}", segment.upload(), e);
                }
                channel = null;
            }
        }
    }

    /** A watched slot directory and the playlists followed in it. */
    private static final class Watch {
        final List<Followed> followed = new CopyOnWriteArrayList<>();
        volatile long lastUsedNanos = System.nanoTime();
        volatile AutoCloseable stop;

        void close() {
            AutoCloseable now = stop;
            if (now != null) {
                try {
                    now.close();
                } catch (Exception e) {
                    LOG.debug("Cannot stop a watch", e);
                }
            }
        }
    }

    private record Followed(Path playlist, SegmentNaming naming, Path initFile) {
    }

    private record InitCache(long modified, InitSegment init) {
    }
}
