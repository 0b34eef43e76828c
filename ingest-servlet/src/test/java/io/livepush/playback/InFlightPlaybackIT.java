package io.livepush.playback;

import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.ingest.FfmpegCommands;
import io.livepush.ingest.LiveFixture;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.mediavault.MediaVaultSigner;
import io.livepush.mediavault.MediaVaultSigner.Term;
import io.livepush.net.AddressRule.Action;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import io.livepush.testing.ExternalTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects in flight (issue 12 §1) through the real {@code live.war}: a playback {@code GET} of a segment whose upload
 * is still arriving in a low-latency slot is answered with the bytes so far and then the rest, chunked, and ends with
 * the terminating chunk only when the upload is published; an aborted upload cuts the reader off. Readers are raw
 * sockets so the test sees the framing itself.
 */
@Timeout(120)
class InFlightPlaybackIT {

    private static final String SECRET = "inflightsecret1";
    private static final MediaVaultSigner SIGNER = new MediaVaultSigner(SECRET);
    /** Small, so that an upload over the limit is quick to send. */
    private static final int MAX_OBJECT_BYTES = 256 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new LiveFixture(baseDir, Map.of("ingest.maxSegmentBytes", Integer.toString(MAX_OBJECT_BYTES)));
        List<SlotDraft> drafts = List.of(lowLatency(fx.draft("ll", List.of(), Action.ALLOW, null)),
                fx.draft("plain", List.of(), Action.ALLOW, null),
                lowLatency(fx.draft("llvault", List.of(), Action.ALLOW, new MediaVaultInput(MediaVaultMode.URL_ALL,
                        SECRET, null, 403, false, MediaVaultSettings.DEFAULT_PATH_TOKEN,
                        MediaVaultSettings.DEFAULT_PATH_DELIM, false, 0))));
        List<SlotRecord> created = new ArrayList<>();
        for (SlotDraft draft : drafts) {
            created.add(fx.slots.create(LiveFixture.OPERATOR, "acme", draft));
        }
        for (SlotRecord slot : created) {
            fx.awaitServed(slot);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    static SlotDraft lowLatency(SlotDraft draft) {
        return new SlotDraft(draft.name(), draft.description(), draft.type(), draft.region(), draft.primaryPopId(),
                draft.backupPopId(), draft.useBackupIngest(), draft.totalKbps(), draft.segmentDurationMs(),
                draft.fileExpirySeconds(), true, draft.credentials(), draft.publishCidrs(), draft.viewerRules(),
                draft.viewerDefault(), draft.mediaVault());
    }

    /** A chunked PUT whose body the test sends piece by piece. */
    private static final class SlowUpload implements AutoCloseable {
        final PipedOutputStream body = new PipedOutputStream();
        final CompletableFuture<HttpResponse<String>> answer;

        SlowUpload(String path) throws Exception {
            InputStream bodyIn = new PipedInputStream(body, 64 * 1024);
            // A client of its own: a connection an earlier test's refused upload left behind cannot delay this one.
            answer = fx.tomcat.client().sendAsync(HttpRequest.newBuilder(fx.tomcat.https("/push/acme/" + path))
                    .header("Authorization", basic(USER, PASSWORD))
                    .PUT(BodyPublishers.ofInputStream(() -> bodyIn)).build(), BodyHandlers.ofString());
        }

        void send(byte[] bytes) throws IOException {
            body.write(bytes);
            body.flush();
        }

        int finish() throws Exception {
            body.close();
            return answer.get().statusCode();
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private static byte[] random(int length, int seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Waits until the node has the upload of {@code path} in flight (its temp file holds {@code bytes} bytes). */
    private static void awaitInFlight(String slot, String path, long bytes) throws Exception {
        Path directory = fx.storage.resolve("acme").resolve(slot).resolve(path).getParent();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(directory)) {
                try (var files = Files.list(directory)) {
                    if (files.anyMatch(file -> file.getFileName().toString().startsWith(".upload-")
                            && sizeOf(file) >= bytes)) {
                        return;
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("No upload of " + path + " with " + bytes + " bytes in flight");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static RawHttpReader read(String path) throws IOException {
        return RawHttpReader.open(fx.tomcat.httpPort(), "GET", "/live/play/acme/" + path, "");
    }

    @Test
    void aSegmentIsServedWhileItUploadsAndEndsWhenItIsPublished() throws Exception {
        byte[] first = random(40_000, 1);
        byte[] second = random(30_000, 2);
        try (SlowUpload upload = new SlowUpload("ll/first/seg_1.m4s")) {
            upload.send(first);
            awaitInFlight("ll", "first/seg_1.m4s", first.length);
            try (RawHttpReader early = read("ll/first/seg_1.m4s")) {
                assertThat(early.status()).isEqualTo(200);
                Map<String, String> headers = early.headers();
                assertThat(headers).containsEntry("transfer-encoding", "chunked")
                        .containsEntry("content-type", "video/iso.segment")
                        .containsEntry("x-content-type-options", "nosniff")
                        .containsEntry("access-control-allow-origin", "*")
                        .containsEntry("cache-control", "max-age=1")
                        .doesNotContainKeys("content-length", "etag", "last-modified");
                assertThat(headers.get("content-security-policy")).contains("default-src 'none'");
                assertThat(early.awaitBytes(first.length, WAIT)).isEqualTo(first);
                assertThat(early.ended()).as("no end while the upload goes on").isFalse();

                upload.send(second);
                assertThat(early.awaitBytes(first.length + second.length, WAIT)).isEqualTo(concat(first, second));
                Thread.sleep(200);
                assertThat(early.ended()).as("no end before the upload is published").isFalse();
                try (RawHttpReader late = read("ll/first/seg_1.m4s")) {
                    assertThat(late.awaitBytes(first.length + second.length, WAIT))
                            .as("a late reader starts at byte 0").isEqualTo(concat(first, second));

                    assertThat(upload.finish()).isEqualTo(201);
                    assertThat(early.awaitEnd(WAIT)).isEqualTo(RawHttpReader.End.COMPLETE);
                    assertThat(late.awaitEnd(WAIT)).isEqualTo(RawHttpReader.End.COMPLETE);
                    byte[] stored = Files.readAllBytes(fx.storage.resolve("acme/ll/first/seg_1.m4s"));
                    assertThat(early.body()).isEqualTo(stored).isEqualTo(concat(first, second));
                    assertThat(late.body()).isEqualTo(stored);
                }
            }
        }
        try (RawHttpReader stored = read("ll/first/seg_1.m4s")) {
            assertThat(stored.headers()).as("the published object is the stored file again")
                    .containsEntry("content-length", Integer.toString(70_000)).containsKey("etag");
        }
    }

    @Test
    void anUploadOverTheLimitCutsItsReadersOffAndIsNeverPublished() throws Exception {
        byte[] first = random(100_000, 3);
        try (SlowUpload upload = new SlowUpload("ll/big/seg_big.m4s")) {
            upload.send(first);
            awaitInFlight("ll", "big/seg_big.m4s", first.length);
            try (RawHttpReader reader = read("ll/big/seg_big.m4s")) {
                assertThat(reader.status()).isEqualTo(200);
                assertThat(reader.awaitBytes(first.length, WAIT)).isEqualTo(first);

                upload.send(random(MAX_OBJECT_BYTES, 4));
                assertThat(upload.finish()).isEqualTo(413);

                assertThat(reader.awaitEnd(WAIT)).as("no terminating chunk after an abort")
                        .isEqualTo(RawHttpReader.End.CUT);
                assertThat(reader.body().length).isLessThanOrEqualTo(MAX_OBJECT_BYTES);
            }
        }
        assertThat(fx.storage.resolve("acme/ll/big/seg_big.m4s")).doesNotExist();
        try (RawHttpReader after = read("ll/big/seg_big.m4s")) {
            assertThat(after.status()).isEqualTo(404);
        }
    }

    @Test
    void anEncoderThatGoesAwayCutsItsReadersOffAndPublishesNothing() throws Exception {
        byte[] first = random(20_000, 5);
        try (SSLSocket encoder = (SSLSocket) fx.tomcat.certificate().trustingContext().getSocketFactory()
                .createSocket("127.0.0.1", fx.tomcat.httpsPort())) {
            OutputStream out = encoder.getOutputStream();
            out.write(("PUT /live/push/acme/ll/gone/seg_gone.m4s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + basic(USER, PASSWORD) + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(first);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitInFlight("ll", "gone/seg_gone.m4s", first.length);
            try (RawHttpReader reader = read("ll/gone/seg_gone.m4s")) {
                assertThat(reader.awaitBytes(first.length, WAIT)).isEqualTo(first);

                encoder.close();

                assertThat(reader.awaitEnd(WAIT)).isEqualTo(RawHttpReader.End.CUT);
                assertThat(reader.body()).isEqualTo(first);
            }
        }
        assertThat(fx.storage.resolve("acme/ll/gone/seg_gone.m4s")).doesNotExist();
    }

    /** An HTTP/2 reader of {@code path} over TLS (h2 by ALPN), its body as a stream. */
    private static HttpResponse<InputStream> readOverH2(String path) throws Exception {
        HttpResponse<InputStream> response = fx.tomcat.client(HttpClient.Version.HTTP_2).send(HttpRequest.newBuilder(
                fx.tomcat.https("/play/acme/" + path)).build(), BodyHandlers.ofInputStream());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        return response;
    }

    @Test
    void anH2ReaderGetsTheWholeObjectAcrossAPauseLongerThanHttp2ReadTimeout() throws Exception {
        byte[] first = random(30_000, 11);
        byte[] second = random(20_000, 12);
        try (SlowUpload upload = new SlowUpload("ll/h2/seg_1.m4s")) {
            upload.send(first);
            awaitInFlight("ll", "h2/seg_1.m4s", first.length);
            HttpResponse<InputStream> reader = readOverH2("ll/h2/seg_1.m4s");
            try (InputStream body = reader.body()) {
                assertThat(reader.statusCode()).isEqualTo(200);
                assertThat(body.readNBytes(first.length)).isEqualTo(first);
                // Http2Protocol's readTimeout is 5 s; an encoder between two fragments must not cut the stream.
                Thread.sleep(6_000);
                upload.send(second);
                assertThat(upload.finish()).isEqualTo(201);
                assertThat(body.readAllBytes()).isEqualTo(second);
            }
        }
    }

    @Test
    void anAbortedUploadResetsItsH2ReadersStream() throws Exception {
        byte[] first = random(100_000, 13);
        try (SlowUpload upload = new SlowUpload("ll/h2big/seg_big.m4s")) {
            upload.send(first);
            awaitInFlight("ll", "h2big/seg_big.m4s", first.length);
            HttpResponse<InputStream> reader = readOverH2("ll/h2big/seg_big.m4s");
            try (InputStream body = reader.body()) {
                assertThat(body.readNBytes(first.length)).isEqualTo(first);

                upload.send(random(MAX_OBJECT_BYTES, 14));
                assertThat(upload.finish()).isEqualTo(413);

                assertThatThrownBy(body::readAllBytes).as("the stream is reset, not ended")
                        .isInstanceOf(IOException.class);
            }
        }
        assertThat(fx.storage.resolve("acme/ll/h2big/seg_big.m4s")).doesNotExist();
    }

    @Test
    void aReplacedObjectIsServedInItsOldCompleteVersionUntilTheNewOneIsPublished() throws Exception {
        Path stored = fx.storage.resolve("acme/ll/replaced/seg_replaced.m4s");
        Files.createDirectories(stored.getParent());
        Files.writeString(stored, "old complete version");
        try (SlowUpload upload = new SlowUpload("ll/replaced/seg_replaced.m4s")) {
            upload.send("new version, first half ".getBytes(StandardCharsets.UTF_8));
            awaitInFlight("ll", "replaced/seg_replaced.m4s", 10);
            try (RawHttpReader reader = read("ll/replaced/seg_replaced.m4s")) {
                assertThat(reader.awaitEnd(WAIT)).isEqualTo(RawHttpReader.End.COMPLETE);
                assertThat(reader.headers()).containsEntry("content-length", "20");
                assertThat(new String(reader.body(), StandardCharsets.UTF_8)).isEqualTo("old complete version");
            }
            upload.send("and second half".getBytes(StandardCharsets.UTF_8));
            assertThat(upload.finish()).isEqualTo(204);
        }
        assertThat(Files.readString(stored)).isEqualTo("new version, first half and second half");
    }

    @Test
    void aSlotWithoutLowLatencyKeeps404WhileUploading() throws Exception {
        try (SlowUpload upload = new SlowUpload("plain/720p/seg_1.m4s")) {
            upload.send(random(1000, 6));
            awaitInFlight("plain", "720p/seg_1.m4s", 0);
            try (RawHttpReader reader = read("plain/720p/seg_1.m4s")) {
                assertThat(reader.status()).isEqualTo(404);
            }
            assertThat(upload.finish()).isEqualTo(201);
        }
    }

    @Test
    void mediaVaultGuardsObjectsInFlightAsItGuardsStoredOnes() throws Exception {
        byte[] content = random(5000, 7);
        try (SlowUpload upload = new SlowUpload("llvault/720p/seg_1.m4s")) {
            upload.send(content);
            awaitInFlight("llvault", "720p/seg_1.m4s", content.length);
            String path = "/live/play/acme/llvault/720p/seg_1.m4s";
            try (RawHttpReader refused = RawHttpReader.open(fx.tomcat.httpPort(), "GET", path, "")) {
                assertThat(refused.status()).isEqualTo(403);
            }
            String signed = SIGNER.sign(fx.tomcat.http("/play/acme/llvault/720p/seg_1.m4s").toString(),
                    Term.end(Instant.now().getEpochSecond() + 60));
            String signedPath = signed.substring(signed.indexOf("/live/"));
            try (RawHttpReader allowed = RawHttpReader.open(fx.tomcat.httpPort(), "GET", signedPath, "")) {
                assertThat(allowed.status()).isEqualTo(200);
                assertThat(allowed.awaitBytes(content.length, WAIT)).isEqualTo(content);
                assertThat(upload.finish()).isEqualTo(201);
                assertThat(allowed.awaitEnd(WAIT)).isEqualTo(RawHttpReader.End.COMPLETE);
            }
        }
    }

    @Test
    void headRangeAndConditionalRequestsOnAnObjectInFlight() throws Exception {
        byte[] first = random(3000, 8);
        byte[] second = random(3000, 9);
        try (SlowUpload upload = new SlowUpload("ll/head/seg_head.m4s")) {
            upload.send(first);
            awaitInFlight("ll", "head/seg_head.m4s", first.length);
            String path = "/live/play/acme/ll/head/seg_head.m4s";
            try (RawHttpReader head = RawHttpReader.open(fx.tomcat.httpPort(), "HEAD", path, "")) {
                assertThat(head.status()).isEqualTo(200);
                assertThat(head.headers()).containsEntry("content-type", "video/iso.segment")
                        .doesNotContainKeys("content-length", "etag", "last-modified");
            }
            try (RawHttpReader done = RawHttpReader.open(fx.tomcat.httpPort(), "GET", path,
                    "Range: bytes=100-1099\r\n");
                    RawHttpReader waiting = RawHttpReader.open(fx.tomcat.httpPort(), "GET", path,
                            "Range: bytes=2500-3499\r\n");
                    RawHttpReader open = RawHttpReader.open(fx.tomcat.httpPort(), "GET", path, "Range: bytes=100-\r\n");
                    RawHttpReader ifNoneMatch = RawHttpReader.open(fx.tomcat.httpPort(), "GET", path,
                            "If-None-Match: *\r\n");
                    RawHttpReader ifMatch = RawHttpReader.open(fx.tomcat.httpPort(), "GET", path,
                            "If-Match: \"x\"\r\n")) {
                assertThat(done.status()).isEqualTo(206);
                assertThat(done.headers()).containsEntry("content-range", "bytes 100-1099/*")
                        .containsEntry("content-length", "1000");
                assertThat(done.awaitEnd(WAIT)).as("a range already uploaded ends at once")
                        .isEqualTo(RawHttpReader.End.COMPLETE);
                assertThat(done.body()).isEqualTo(Arrays.copyOfRange(first, 100, 1100));

                assertThat(waiting.status()).isEqualTo(206);
                assertThat(waiting.awaitBytes(500, WAIT)).isEqualTo(Arrays.copyOfRange(first, 2500, 3000));
                assertThat(waiting.ended()).isFalse();
                assertThat(open.status()).as("an open range is ignored").isEqualTo(200);
                assertThat(ifNoneMatch.status()).isEqualTo(200);
                assertThat(ifMatch.status()).isEqualTo(412);

                upload.send(second);
                assertThat(waiting.awaitEnd(WAIT)).isEqualTo(RawHttpReader.End.COMPLETE);
                assertThat(waiting.body()).isEqualTo(Arrays.copyOfRange(concat(first, second), 2500, 3500));
                assertThat(upload.finish()).isEqualTo(201);
                assertThat(open.awaitEnd(WAIT)).isEqualTo(RawHttpReader.End.COMPLETE);
                assertThat(open.body()).isEqualTo(concat(first, second));
            }
        }
    }

    @Test
    void aRangeBeyondTheEndOfThePublishedObjectIsCutOff() throws Exception {
        try (SlowUpload upload = new SlowUpload("ll/short/seg_short.m4s")) {
            upload.send(random(1000, 10));
            awaitInFlight("ll", "short/seg_short.m4s", 1000);
            try (RawHttpReader reader = RawHttpReader.open(fx.tomcat.httpPort(), "GET",
                    "/live/play/acme/ll/short/seg_short.m4s", "Range: bytes=500-1999\r\n")) {
                assertThat(reader.awaitBytes(500, WAIT)).hasSize(500);
                assertThat(upload.finish()).isEqualTo(201);
                assertThat(reader.awaitEnd(WAIT)).isEqualTo(RawHttpReader.End.CUT);
            }
        }
    }
    /**
     * ffmpeg's low-latency DASH push (one chunked PUT per segment, as long as the segment) read by a player that asks
     * for each next segment as soon as it exists: the segments are answered while they upload and the bytes read are
     * exactly the stored segment's.
     */
    @Test
    void segmentsOfAnFfmpegLowLatencyDashPushAreServedInFlightAndEqualTheStoredSegments() throws Exception {
        ExternalTools.assumeInstalled("apt-get install -y ffmpeg", "ffmpeg");
        Path log = Path.of(System.getProperty("livepush.war", "target/live")).resolveSibling("inflight-it/dash.log");
        Files.deleteIfExists(log);
        Process ffmpeg = ExternalTools.start(FfmpegCommands.dash(fx.tomcat.https("/push/acme/ll/dash/").toString(),
                basic(USER, PASSWORD)), log);
        try {
            int inFlight = 0;
            for (String name : List.of("chunk-stream0-00002.m4s", "chunk-stream1-00002.m4s",
                    "chunk-stream0-00003.m4s", "chunk-stream0-00004.m4s")) {
                try (RawHttpReader reader = awaitServed("ll/dash/" + name, log)) {
                    boolean servedInFlight = !reader.headers().containsKey("content-length");
                    assertThat(reader.awaitEnd(WAIT)).as(name).isEqualTo(RawHttpReader.End.COMPLETE);
                    byte[] stored = Files.readAllBytes(fx.storage.resolve("acme/ll/dash").resolve(name));
                    assertThat(reader.body()).as(name + " read " + (servedInFlight ? "in flight" : "stored"))
                            .isEqualTo(stored);
                    inFlight += servedInFlight ? 1 : 0;
                }
            }
            assertThat(inFlight).as("segments answered while they uploaded, of 4").isGreaterThanOrEqualTo(3);
        } finally {
            ExternalTools.stop(ffmpeg);
        }
    }

    /** Asks for {@code path} every 20 ms until it is answered 200 (a player polling for the next segment). */
    private static RawHttpReader awaitServed(String path, Path ffmpegLog) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            RawHttpReader reader = read(path);
            if (reader.status() == 200) {
                return reader;
            }
            reader.close();
            Thread.sleep(20);
        }
        throw new AssertionError(path + " was not served within 30 s; ffmpeg said:\n" + Files.readString(ffmpegLog));
    }
}
