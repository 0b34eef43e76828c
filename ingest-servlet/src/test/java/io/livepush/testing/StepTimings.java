package io.livepush.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each step of an end-to-end IT took, logged as it happens and written to a file for the documentation
 * (docs/scale-out.md quotes them).
 */
public final class StepTimings {

    private static final Logger LOG = LoggerFactory.getLogger(StepTimings.class);

    private final List<String> lines = new ArrayList<>();

    /** Records "{@code what}: N ms" since {@code sinceNanos} ({@link System#nanoTime()}); returns N. */
    public long record(String what, long sinceNanos) {
        long millis = Duration.ofNanos(System.nanoTime() - sinceNanos).toMillis();
        String line = what + ": " + millis + " ms";
        LOG.info(line);
        lines.add(line);
        return millis;
    }

    public void writeTo(Path file) throws IOException {
        Files.write(file, lines);
    }
}
