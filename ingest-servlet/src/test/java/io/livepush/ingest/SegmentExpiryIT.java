package io.livepush.ingest;

import static io.livepush.ingest.LiveFixture.OPERATOR;
import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.service.NewCredential;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment expiry in the real {@code live.war}: files PUT through the ingest servlet expire after the slot's file
 * expiry (10 s, the smallest allowed) while the playlist an encoder keeps rewriting stays; once the encoder stops,
 * the playlist goes too. The sweep runs every second ({@code expiry.sweepSeconds=1}) on the real clock.
 */
class SegmentExpiryIT {

    private static final int EXPIRY_SECONDS = 10;

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;
    /** An upload temp file a crashed run left, in a directory whose files the sweep never looks at. */
    private static Path crashedUpload;

    @BeforeAll
    static void start() throws Exception {
        crashedUpload = baseDir.resolve("storage/acme/retired/720p/.upload-0123456789abcdef");
        Files.createDirectories(crashedUpload.getParent());
        Files.writeString(crashedUpload, "half a segment");
        Files.setLastModifiedTime(crashedUpload, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        fx = new LiveFixture(baseDir, Map.of("expiry.sweepSeconds", "1"));
        SlotRecord slot = fx.slots.create(OPERATOR, "acme", new SlotDraft("short", null, SlotType.LIVE_PUSH,
                Region.EUROPE, fx.pop.id(), null, false, 5000, 2000, EXPIRY_SECONDS, false,
                List.of(new NewCredential(USER, PASSWORD)), List.of(), List.of(), null, null));
        fx.awaitServed(slot);
    }

    @AfterAll
    static void undeployStopsTheExpiryThread() throws Exception {
        fx.close();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("livepush-expiry");
    }

    @Test
    void uploadTempFilesLeftByACrashAreRemovedAtStartup() throws Exception {
        long start = System.nanoTime();
        while (Files.exists(crashedUpload) && elapsed(start).getSeconds() < 20) {
            Thread.sleep(100);
        }

        assertThat(crashedUpload).as("removed by the startup scan").doesNotExist();
    }

    @Test
    void segmentsExpireOnTimeWhileTheRewrittenPlaylistStaysUntilTheStreamEnds() throws Exception {
        Path slot = fx.storage.resolve("acme/short");
        long start = System.nanoTime();
        assertThat(put("/push/acme/short/720p/seg_1.ts", "segment").statusCode()).isEqualTo(201);
        assertThat(put("/push/acme/short/index.m3u8", "#EXTM3U\n").statusCode()).isEqualTo(201);

        while (Files.exists(slot.resolve("720p/seg_1.ts")) && elapsed(start).getSeconds() < EXPIRY_SECONDS + 10) {
            assertThat(put("/push/acme/short/index.m3u8", "#EXTM3U\n").statusCode()).isEqualTo(204);
            Thread.sleep(500);
        }
        Duration expiredAfter = elapsed(start);

        assertThat(slot.resolve("720p/seg_1.ts")).doesNotExist();
        assertThat(expiredAfter).isBetween(Duration.ofSeconds(EXPIRY_SECONDS), Duration.ofSeconds(EXPIRY_SECONDS + 5));
        assertThat(get("/push/acme/short/720p/seg_1.ts").statusCode()).isEqualTo(404);
        assertThat(get("/push/acme/short/index.m3u8").statusCode()).isEqualTo(200);
        assertThat(slot.resolve("720p")).as("emptied directory removed").doesNotExist();

        long stopped = System.nanoTime();
        while (Files.exists(slot.resolve("index.m3u8")) && elapsed(stopped).getSeconds() < EXPIRY_SECONDS + 10) {
            Thread.sleep(250);
        }

        assertThat(slot.resolve("index.m3u8")).as("the stream ended: only the expired playlist was left")
                .doesNotExist();
        assertThat(elapsed(stopped)).isGreaterThanOrEqualTo(Duration.ofSeconds(EXPIRY_SECONDS - 1));
        assertThat(slot).isDirectory();
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static HttpResponse<String> put(String path, String body) throws Exception {
        return fx.client.send(HttpRequest.newBuilder(fx.tomcat.https(path))
                .header("Authorization", basic(USER, PASSWORD))
                .PUT(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return fx.client.send(HttpRequest.newBuilder(fx.tomcat.https(path))
                .header("Authorization", basic(USER, PASSWORD))
                .GET().build(), BodyHandlers.ofString());
    }
}
