package io.livepush.health;

/**
 * The health of one rendition an encoder publishes (SPEC §7), judged from the playlists and MPDs it uploads by
 * {@link RenditionHealthRules}. Declared from the most to the least urgent: when several apply, the first wins.
 */
public enum RenditionState {
    /** No new segment for 3 × the segment duration, or the encoder ended the stream. */
    STOPPED("stopped", "Stopped"),
    /** No new segment for 1.5 × the segment duration. */
    LATE("late", "Late"),
    /** The playlist names a segment that was never uploaded. */
    MISSING_SEGMENTS("missing_segments", "Missing segments"),
    /** The measured bitrate has been outside ±25 % of the declared bitrate for 10 s. */
    OFF_BITRATE("off_bitrate", "Off bitrate"),
    /** None of the above. */
    HEALTHY("healthy", "Healthy");

    private final String label;
    private final String displayName;

    RenditionState(String label, String displayName) {
        this.label = label;
        this.displayName = displayName;
    }

    /** The value in the API, the database and the metrics' {@code state} label, e.g. {@code missing_segments}. */
    public String label() {
        return label;
    }

    /** The name the portal shows, e.g. "Missing segments". */
    public String displayName() {
        return displayName;
    }

    /** The state whose {@link #label()} is {@code label}. */
    public static RenditionState ofLabel(String label) {
        for (RenditionState state : values()) {
            if (state.label.equals(label)) {
                return state;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a rendition state");
    }
}
