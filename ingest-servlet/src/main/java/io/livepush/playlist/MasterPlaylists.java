package io.livepush.playlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the variants of an HLS master playlist (RFC 8216 §4.3.4.2): each {@code EXT-X-STREAM-INF} with the URI line
 * that follows it. Entries without a valid {@code BANDWIDTH} or without a URI are skipped rather than refused: an
 * encoder's master playlist is read to compare bitrates, not served from this view.
 */
public final class MasterPlaylists {

    private static final String STREAM_INF = "#EXT-X-STREAM-INF:";

    private MasterPlaylists() {
    }

    /** Returns whether {@code text} is a master playlist (it has an {@code EXT-X-STREAM-INF}). */
    public static boolean isMaster(String text) {
        return text.contains("#EXT-X-STREAM-INF");
    }

    /** The variants of the master playlist {@code text}, in their order. */
    public static List<Variant> variants(String text) {
        List<Variant> variants = new ArrayList<>();
        Map<String, String> pending = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith(STREAM_INF)) {
                pending = attributes(line.substring(STREAM_INF.length()));
            } else if (pending != null && !line.isEmpty() && !line.startsWith("#")) {
                long bandwidth = number(pending.get("BANDWIDTH"));
                if (bandwidth > 0) {
                    variants.add(new Variant(line, bandwidth, Math.max(0, number(pending.get("AVERAGE-BANDWIDTH")))));
                }
                pending = null;
            }
        }
        return variants;
    }

    private static Map<String, String> attributes(String list) {
        try {
            return AttributeLists.parse(list);
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    private static long number(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
