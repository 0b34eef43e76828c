package io.livepush.segment;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What {@link SegmentStore} tells the expiry index: every completed upload and every removal, as it happens, so the
 * index never has to scan the storage to learn about new files.
 */
public interface SegmentEvents {

    /** {@code file} was published (created or replaced) with modification time {@code modified}. */
    void written(Path file, Instant modified);

    /** {@code file} was deleted by its encoder. */
    void removed(Path file);
}
