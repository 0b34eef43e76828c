package io.livepush.llhls;

import io.livepush.segment.UploadInFlight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fragments found so far in one fMP4 segment upload, published for readers as an immutable list. The first
 * fragment's range starts at byte 0, so the parts tile the segment (its {@code styp} goes with the first part).
 *
 */
final class GrowingSegment {

    private final UploadInFlight upload;
    private final Path playlist;
    private final long startedNanos = System.nanoTime();
    private volatile List<Fragment> fragments = List.of();
    private volatile boolean complete;

    GrowingSegment(UploadInFlight upload, Path playlist) {
        this.upload = upload;
        this.playlist = playlist;
    }

    /** The upload, whose bytes the parts are read from until it is published. */
    UploadInFlight upload() {
        return upload;
    }

    /** The playlist the segment belongs to. */
    Path playlist() {
        return playlist;
    }

    /** When the upload started ({@link System#nanoTime()}). */
    long startedNanos() {
        return startedNanos;
    }

    /** The complete fragments so far, in order. */
    List<Fragment> fragments() {
        return fragments;
    }

    /** Whether the upload was published whole. */
    boolean complete() {
        return complete;
    }

    /** The end of the last complete fragment: how many bytes parts cover. */
    long completeBytes() {
        List<Fragment> now = fragments;
        return now.isEmpty() ? 0 : now.get(now.size() - 1).end();
    }

    /** Adds fragments found by the scanner (one writer). */
    void add(List<Fragment> found) {
        if (found.isEmpty()) {
            return;
        }
        List<Fragment> next = new ArrayList<>(fragments);
        for (Fragment fragment : found) {
            long start = next.isEmpty() ? 0 : next.get(next.size() - 1).end();
            next.add(new Fragment(start, fragment.end() - start, fragment.duration(), fragment.independent()));
        }
        fragments = List.copyOf(next);
    }

    void markComplete() {
        complete = true;
    }
}
