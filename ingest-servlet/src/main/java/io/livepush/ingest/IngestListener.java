package io.livepush.ingest;

import io.livepush.origin.LiveSlot;

/** Told about every ingest answer {@link IngestStatistics} counts (metrics subscribe here). Must be quick. */
public interface IngestListener {

    /** A request for a known slot was answered with {@code status}; {@code bytes} is the body stored, if any. */
    void answered(LiveSlot slot, int status, long bytes);

    /** A request named a slot this node does not serve and was answered with {@code status} (401). */
    void answeredUnknownSlot(int status);

    /** An upload's body arrived completely and was published after {@code nanos}. */
    void uploaded(long nanos);
}
