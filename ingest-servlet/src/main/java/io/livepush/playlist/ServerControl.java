package io.livepush.playlist;

import java.util.Map;

/**
 * The {@code EXT-X-SERVER-CONTROL} of a media playlist (draft-pantos-hls-rfc8216bis §4.4.3.8); a playlist without the
 * tag has {@link #NONE}.
 *
 * @param canBlockReload whether the server holds reloads with {@code _HLS_msn}/{@code _HLS_part}
 * @param canSkipUntil   seconds from the end before which segments may be skipped in a delta update, or 0
 * @param canSkipDateRanges whether a delta update may skip {@code EXT-X-DATERANGE} tags too
 * @param holdBack      {@code HOLD-BACK} seconds, or 0 when absent
 * @param partHoldBack  {@code PART-HOLD-BACK} seconds, or 0 when absent
 */
public record ServerControl(boolean canBlockReload, double canSkipUntil, boolean canSkipDateRanges, double holdBack,
        double partHoldBack) {

    /** No server control tag. */
    public static final ServerControl NONE = new ServerControl(false, 0, false, 0, 0);

    static ServerControl parse(Map<String, String> attributes) {
        return new ServerControl("YES".equals(attributes.get("CAN-BLOCK-RELOAD")),
                number(attributes, "CAN-SKIP-UNTIL"), "YES".equals(attributes.get("CAN-SKIP-DATERANGES")),
                number(attributes, "HOLD-BACK"), number(attributes, "PART-HOLD-BACK"));
    }

    /** Returns whether delta updates ({@code _HLS_skip}) are offered. */
    public boolean canSkip() {
        return canSkipUntil > 0;
    }

    private static double number(Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        return value == null ? 0 : MediaPlaylists.decimal(value, name);
    }
}
