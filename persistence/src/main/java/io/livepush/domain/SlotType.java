package io.livepush.domain;

import java.util.Optional;

/**
 * The slot types an account can be entitled to (SPEC §2). Only {@link #LIVE_PUSH} slots run on this origin; the others
 * exist so that entitlements, the {@code + new} menu and filters look as they do in the original product.
 */
public enum SlotType implements Labelled {
    TRANSCODE_1080P("transcode-1080p", "Transcode 1080p"),
    TRANSCODE_720P("transcode-720p", "Transcode 720p"),
    TRANSCODE_576P("transcode-576p", "Transcode 576p"),
    TRANSMUX("transmux", "Transmux"),
    LIVE_PUSH("live-push", "Live Push");

    private final String apiValue;
    private final String displayName;

    SlotType(String apiValue, String displayName) {
        this.apiValue = apiValue;
        this.displayName = displayName;
    }

    /** The value used in the REST API, e.g. {@code live-push}. */
    @Override
    public String apiValue() {
        return apiValue;
    }

    /** The name the portal shows, e.g. {@code Live Push}. */
    @Override
    public String displayName() {
        return displayName;
    }

    /** Whether slots of this type can be created and run on this origin. */
    public boolean runsHere() {
        return this == LIVE_PUSH;
    }

    /** Parses an API value or a display name (case-insensitive), throwing when it names no slot type. */
    public static SlotType parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + (text == null ? "" : Texts.printable(text)) + "' is not a slot type"));
    }

    /** Parses an API value or a display name (case-insensitive). */
    public static Optional<SlotType> tryParse(String text) {
        return Labelled.find(SlotType.class, text);
    }
}
