package io.livepush.origin;

import io.livepush.ingest.IngestAuthenticator;
import io.livepush.ingest.IngestStatistics;
import io.livepush.segment.SegmentStore;
import jakarta.servlet.ServletContext;
import java.time.Clock;

/**
 * The shared objects of the {@code live} web application, built once by {@link OriginBootstrap} and stored as one
 * servlet context attribute; servlets and filters fetch it in {@code init()}.
 */
public record Origin(OriginConfig config, SlotDirectory slots, SegmentStore store, IngestAuthenticator authenticator,
        IngestStatistics statistics, Clock clock) {

    /** The servlet context attribute holding the origin. */
    public static final String ATTRIBUTE = Origin.class.getName();

    /** The origin of {@code context}; fails loudly when the bootstrap listener did not run. */
    public static Origin from(ServletContext context) {
        Object origin = context.getAttribute(ATTRIBUTE);
        if (!(origin instanceof Origin found)) {
            throw new IllegalStateException("OriginBootstrap has not run: declare it as the first listener in web.xml");
        }
        return found;
    }
}
