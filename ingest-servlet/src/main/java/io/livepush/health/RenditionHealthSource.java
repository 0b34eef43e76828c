package io.livepush.health;

import java.util.List;

/**
 * Encoder health per rendition as this ingest node sees it, for metrics. The {@code live} application stores its
 * source as the servlet context attribute {@link #ATTRIBUTE}. Reading it costs no I/O.
 */
public interface RenditionHealthSource {

    /** The servlet context attribute holding this node's source. */
    String ATTRIBUTE = RenditionHealthSource.class.getName();

    /** Every rendition this node tracks, judged now; at most {@code EncoderHealth.MAX_RENDITIONS_PER_SLOT} a slot. */
    List<RenditionSnapshot> renditions();
}
