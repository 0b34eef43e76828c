package io.livepush.ingest;

import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disk full → 507 with nothing partial left (SPEC §4). The storage root is a 256 KiB tmpfs, so this needs root (to
 * mount it); elsewhere the class is skipped with the reason. The mount is undone after the class.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IngestDiskFullIT {

    private static final Logger LOG = LoggerFactory.getLogger(IngestDiskFullIT.class);
    private static final int TMPFS_BYTES = 256 * 1024;

    @TempDir
    static Path baseDir;
    private static Path storage;
    private static boolean mounted;
    private static LiveFixture fx;

    @BeforeAll
    static void start() throws Exception {
        storage = Files.createDirectories(baseDir.resolve("storage"));
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "Skipped: mounting a small tmpfs to fill the disk needs root");
        String mountFailure = run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_BYTES, "tmpfs", storage.toString());
        Assumptions.assumeTrue(mountFailure.isEmpty(), () -> "Skipped: cannot mount a tmpfs: " + mountFailure);
        mounted = true;
        fx = new LiveFixture(baseDir, Map.of());
        fx.slot("cam1", List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (fx != null) {
                fx.close();
            }
        } finally {
            if (mounted) {
                String failure = run("umount", storage.toString());
                if (!failure.isEmpty()) {
                    LOG.warn("Cannot unmount the test tmpfs [{}]: [{}]", storage, failure);
                }
            }
        }
    }

    @Test
    void uploadThatFillsTheDiskGets507AndLeavesNothing() throws Exception {
        HttpResponse<String> declared = put("/push/acme/cam1/big.ts", new byte[2 * TMPFS_BYTES], false);
        HttpResponse<String> chunked = put("/push/acme/cam1/big2.ts", new byte[2 * TMPFS_BYTES], true);

        assertThat(declared.statusCode()).as(declared.toString()).isEqualTo(507);
        assertThat(chunked.statusCode()).as(chunked.toString()).isEqualTo(507);
        assertThat(storage.resolve("acme/cam1/big.ts")).doesNotExist();
        assertThat(storage.resolve("acme/cam1/big2.ts")).doesNotExist();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void replacementThatFillsTheDiskKeepsThePreviousVersion() throws Exception {
        byte[] small = "#EXTM3U\n".getBytes();
        assertThat(put("/push/acme/cam1/index.m3u8", small, false).statusCode()).isIn(201, 204);

        HttpResponse<String> response = put("/push/acme/cam1/index.m3u8", new byte[2 * TMPFS_BYTES], true);

        assertThat(response.statusCode()).as(response.toString()).isEqualTo(507);
        assertThat(storage.resolve("acme/cam1/index.m3u8")).hasBinaryContent(small);
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void smallUploadsWorkAgainOnceTheFailedOneIsGone() throws Exception {
        put("/push/acme/cam1/fill.ts", new byte[2 * TMPFS_BYTES], false);

        assertThat(put("/push/acme/cam1/after.ts", new byte[1000], false).statusCode()).isEqualTo(201);
    }

    private static HttpResponse<String> put(String path, byte[] body, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = chunked
                ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : BodyPublishers.ofByteArray(body);
        return fx.client.send(HttpRequest.newBuilder(fx.tomcat.https(path))
                .header("Authorization", basic(USER, PASSWORD)).PUT(publisher).build(), BodyHandlers.ofString());
    }

    private static List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(storage)) {
            return files.filter(file -> file.getFileName().toString().startsWith(".upload-")).toList();
        }
    }

    /** Runs a command; returns its output when it failed, empty when it succeeded. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        return process.exitValue() == 0 ? "" : output.strip() + " (exit " + process.exitValue() + ")";
    }
}
