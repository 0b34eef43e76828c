package io.livepush.domain;

import java.util.Arrays;
import java.util.Optional;

/** The regions a slot and a PoP can be in (SPEC §3), with the values the REST API uses and the names the portal shows. */
public enum Region implements Labelled {
    NORTH_AMERICA("north-america", "North-America"),
    ASIA_PACIFIC("asia-pacific", "Asia-Pacific"),
    EUROPE("europe", "Europe");

    private final String apiValue;
    private final String displayName;

    Region(String apiValue, String displayName) {
        this.apiValue = apiValue;
        this.displayName = displayName;
    }

    /** The value used in the REST API, e.g. {@code north-america}. */
    @Override
    public String apiValue() {
        return apiValue;
    }

    /** The name the portal shows, e.g. {@code North-America}. */
    @Override
    public String displayName() {
        return displayName;
    }

    /** Parses an API value or a display name (case-insensitive), throwing when it names no region. */
    public static Region parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + (text == null ? "" : Texts.printable(text)) + "' is not a region; use one of "
                        + Arrays.stream(values()).map(Region::apiValue).toList()));
    }

    /** Parses an API value or a display name (case-insensitive). */
    public static Optional<Region> tryParse(String text) {
        return Labelled.find(Region.class, text);
    }
}
