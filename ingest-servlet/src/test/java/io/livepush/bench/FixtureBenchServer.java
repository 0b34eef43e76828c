package io.livepush.bench;

import io.livepush.ingest.LiveFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a bench server built on {@link LiveFixture}: the fixture is closed when the bench script stops the JVM,
 * and the script learns the server is ready from a properties file that appears whole (written aside, then moved).
 */
final class FixtureBenchServer {

    private static final Logger LOG = LoggerFactory.getLogger(FixtureBenchServer.class);

    private final LiveFixture fx;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Starts the fixture in {@code work} with {@code origin.slotRefreshSeconds} 5, closed on JVM exit. */
    FixtureBenchServer(Path work) throws Exception {
        fx = new LiveFixture(work, Map.of("origin.slotRefreshSeconds", "5"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                fx.close();
            } catch (Exception e) {
                LOG.warn("Cannot stop the bench server cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "bench-stop"));
    }

    LiveFixture fixture() {
        return fx;
    }

    /** Writes {@code properties} to {@code out} for the bench script, then serves until the JVM is stopped. */
    void serveUntilStopped(Path out, Properties properties, String comment) throws IOException, InterruptedException {
        Path temp = out.resolveSibling(out.getFileName() + ".tmp");
        try (var writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            properties.store(writer, comment);
        }
        Files.move(temp, out);
        LOG.info("Bench server ready on port [{}]", fx.tomcat.httpPort());
        stopped.await();
    }
}
