package io.livepush.segment;

import java.nio.file.Path;

/**
 * What {@link SegmentStore} tells the expiry index, the playlist views and the manifest cache: every completed upload
 * and every removal, as it happens, so none of them has to scan the storage to learn about new files.
 */
public interface SegmentEvents {

    /** A file was published (created or replaced). */
    void written(PublishedFile published);

    /** {@code file} was deleted by its encoder. */
    void removed(Path file);
}
