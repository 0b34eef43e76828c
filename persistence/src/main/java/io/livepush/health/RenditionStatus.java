package io.livepush.health;

import java.time.Instant;
import java.util.Objects;

/** The state of a rendition at one moment, with the time that state started. */
public record RenditionStatus(RenditionState state, Instant since) {

    public RenditionStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
