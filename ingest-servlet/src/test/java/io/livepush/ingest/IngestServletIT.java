package io.livepush.ingest;

import static io.livepush.ingest.LiveFixture.OPERATOR;
import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.ProvisioningStatus;
import io.livepush.segment.ObjectType;
import io.livepush.service.LiveActivity;
import io.livepush.service.NewCredential;
import io.livepush.service.SlotLiveStatus;
import io.livepush.service.SlotRecord;
import io.livepush.testing.SwitchableJndiDataSource;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestServletIT {

    private static final int LIMIT = 64 * 1024;

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;
    private static SlotRecord cam;

    @BeforeAll
    static void start() throws Exception {
        fx = new LiveFixture(baseDir, Map.of("ingest.maxSegmentBytes", String.valueOf(LIMIT)));
        cam = fx.slot("cam1", List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void putCreatesThenReplacesAndGetReadsItBack() throws Exception {
        assertThat(put("/push/acme/cam1/720p/seg_1.ts", "first").statusCode()).isEqualTo(201);
        assertThat(put("/push/acme/cam1/720p/seg_1.ts", "second").statusCode()).isEqualTo(204);

        HttpResponse<String> read = send("GET", "/push/acme/cam1/720p/seg_1.ts", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("second");
        assertThat(read.headers().firstValue("Content-Type")).contains("video/mp2t");
        assertThat(Files.readString(fx.storage.resolve("acme/cam1/720p/seg_1.ts"))).isEqualTo("second");
        assertThat(send("HEAD", "/push/acme/cam1/720p/seg_1.ts", null).headers().firstValueAsLong("Content-Length"))
                .hasValue(6);
    }

    @ParameterizedTest
    @CsvSource({"xss/evil.xml, application/xml, false", "xss/evil.ttml, application/ttml+xml, false",
            "xss/evil.dfxp, application/ttml+xml, false", "xss/evil.key, application/octet-stream, false",
            "xss/evil.init, video/mp4, true", "xss/init_evil, video/mp4, true", "xss/init.html, video/mp4, true"})
    void readingBackAnUploadHasItsTypeAndForbidsSniffingAndScripts(String path, String type, boolean media)
            throws Exception {
        String policy = media ? ObjectType.MEDIA_POLICY : ObjectType.DOCUMENT_POLICY;
        put("/push/acme/cam1/" + path, "<html><script>alert(1)</script></html>");

        for (String method : List.of("GET", "HEAD")) {
            HttpResponse<String> read = send(method, "/push/acme/cam1/" + path, null);

            assertThat(read.statusCode()).as(read.toString()).isEqualTo(200);
            assertThat(read.headers().firstValue("Content-Type")).as(method).contains(type);
            assertThat(read.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(read.headers().firstValue("Content-Security-Policy")).contains(policy);
        }
    }

    @Test
    void readingBackAMissingObjectForbidsSniffingAndScriptsToo() throws Exception {
        HttpResponse<String> missing = send("GET", "/push/acme/cam1/xss/missing.xml", null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(missing.headers().firstValue("Content-Security-Policy")).contains(ObjectType.DOCUMENT_POLICY);
    }

    @Test
    void everyRefusalForbidsSniffingAndScripts() throws Exception {
        HttpResponse<String> unauthenticated = fx.client.send(HttpRequest.newBuilder(
                fx.tomcat.https("/push/acme/cam1/xss/a.xml")).build(), BodyHandlers.ofString());
        HttpResponse<String> badPath = send("GET", "/push/acme/cam1/a//b.xml", null);
        HttpResponse<String> notAllowed = send("PROPFIND", "/push/acme/cam1/a.xml", null);

        for (HttpResponse<String> refused : List.of(unauthenticated, badPath, notAllowed)) {
            assertThat(refused.statusCode()).as(refused.toString()).isIn(400, 401, 405);
            assertThat(refused.headers().firstValue("X-Content-Type-Options")).as(refused.toString())
                    .contains("nosniff");
            assertThat(refused.headers().firstValue("Content-Security-Policy")).as(refused.toString())
                    .contains(ObjectType.DOCUMENT_POLICY);
        }
    }

    @Test
    void anErrorPageQuotesAnUploadedNameOnlyEscaped() throws Exception {
        HttpResponse<String> refused = put("/push/acme/cam1/%3Cimg%20src=x%20onerror=alert(1)%3E.html", "x");

        assertThat(refused.statusCode()).as(refused.toString()).isEqualTo(415);
        assertThat(refused.body()).contains("&lt;img src=x onerror=alert(1)&gt;.html").doesNotContain("<img");
    }

    @Test
    void chunkedPutWithExpectContinueIsStored() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(fx.tomcat.https("/push/acme/cam1/index.m3u8"))
                .header("Authorization", basic(USER, PASSWORD))
                .expectContinue(true)
                .PUT(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        "#EXTM3U\n".getBytes(StandardCharsets.UTF_8))))
                .build();

        HttpResponse<String> response = fx.client.send(request, BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.toString()).isIn(201, 204);
        assertThat(Files.readString(fx.storage.resolve("acme/cam1/index.m3u8"))).isEqualTo("#EXTM3U\n");
    }

    @Test
    void plainHttpIsRefusedBeforeAnythingIsStored() throws Exception {
        HttpResponse<String> response = fx.client.send(HttpRequest.newBuilder(
                        fx.tomcat.http("/push/acme/cam1/plain.ts"))
                .header("Authorization", basic(USER, PASSWORD))
                .PUT(BodyPublishers.ofString("x")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("HTTPS");
        assertThat(fx.storage.resolve("acme/cam1/plain.ts")).doesNotExist();
    }

    @Test
    void wrongPasswordAndUnknownSlotGetTheSameAnswer() throws Exception {
        HttpResponse<String> wrongPassword = send("PUT", "/push/acme/cam1/a.ts", "x", basic(USER, "not-the-password"));
        HttpResponse<String> unknownSlot = send("PUT", "/push/acme/nope/a.ts", "x", basic(USER, PASSWORD));
        HttpResponse<String> noHeader = send("PUT", "/push/acme/cam1/a.ts", "x", null);

        for (HttpResponse<String> response : List.of(wrongPassword, unknownSlot, noHeader)) {
            assertThat(response.statusCode()).as(response.toString()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .contains("Basic realm=\"Live Push\", charset=\"UTF-8\"");
        }
        assertThat(wrongPassword.body()).isEqualTo(unknownSlot.body());
        assertThat(fx.storage.resolve("acme/cam1/a.ts")).doesNotExist();
    }

    @Test
    void anAddressOutsideThePublishListIsRefused() throws Exception {
        fx.slot("locked", List.of("192.0.2.0/24", "2001:db8::/32"));

        HttpResponse<String> response = put("/push/acme/locked/a.ts", "x");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(fx.storage.resolve("acme/locked/a.ts")).doesNotExist();
    }

    @Test
    void badPathsAndTypesAreRefused() throws Exception {
        assertThat(put("/push/acme/cam1/.hidden.ts", "x").statusCode()).isEqualTo(400);
        assertThat(put("/push/acme/cam1/a/b/c/d/e/f/g/h/i/seg.ts", "x").statusCode()).isEqualTo(400);
        assertThat(put("/push/acme/cam1/" + "a".repeat(256) + ".ts", "x").statusCode()).isEqualTo(400);
        assertThat(put("/push/acme/cam1/run.exe", "x").statusCode()).isEqualTo(415);
        assertThat(put("/push/acme/cam1/init-stream0", "x").statusCode()).isEqualTo(201);
        assertThat(put("/push/ACME/cam1/a.ts", "x").statusCode()).isEqualTo(400);
    }

    @Test
    void anOversizedBodyPublishesNothing() throws Exception {
        String big = "x".repeat(LIMIT + 1);
        HttpResponse<String> declared = put("/push/acme/cam1/big.ts", big);
        HttpResponse<String> chunked = fx.client.send(HttpRequest.newBuilder(fx.tomcat.https("/push/acme/cam1/big.ts"))
                .header("Authorization", basic(USER, PASSWORD))
                .PUT(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build(), BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(fx.storage.resolve("acme/cam1/big.ts")).doesNotExist();
        assertNoTempFiles();
    }

    @Test
    void deleteRemovesAFileAndAnswers404WhenItIsGone() throws Exception {
        put("/push/acme/cam1/gone.ts", "x");
        HttpRequest chunkedEmpty = HttpRequest.newBuilder(fx.tomcat.https("/push/acme/cam1/gone.ts"))
                .header("Authorization", basic(USER, PASSWORD))
                .method("DELETE", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[0])))
                .build();

        assertThat(fx.client.send(chunkedEmpty, BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/push/acme/cam1/gone.ts", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aPlaylistRepublishedOrDeletedThroughIngestIsServedAsItIsAtOnce() throws Exception {
        put("/push/acme/cam1/fresh.m3u8", "#EXTM3U\n#one\n");
        assertThat(play("/play/acme/cam1/fresh.m3u8").body()).isEqualTo("#EXTM3U\n#one\n");
        // Within playback.manifestRecheckMillis of the first answer: the copy is used without a stat() ...
        assertThat(play("/play/acme/cam1/fresh.m3u8").body()).isEqualTo("#EXTM3U\n#one\n");

        put("/push/acme/cam1/fresh.m3u8", "#EXTM3U\n#two\n");
        // ... but a publish through ingest drops it, whatever the interval.
        assertThat(play("/play/acme/cam1/fresh.m3u8").body()).isEqualTo("#EXTM3U\n#two\n");

        assertThat(send("DELETE", "/push/acme/cam1/fresh.m3u8", null).statusCode()).isEqualTo(204);
        assertThat(play("/play/acme/cam1/fresh.m3u8").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> play(String path) throws Exception {
        return fx.client.send(HttpRequest.newBuilder(fx.tomcat.http(path)).build(), BodyHandlers.ofString());
    }

    @Test
    void mkcolCreatesOnceAndRefusesBodiesAndMissingParents() throws Exception {
        assertThat(send("MKCOL", "/push/acme/cam1/1080p/", null).statusCode()).isEqualTo(201);
        assertThat(send("MKCOL", "/push/acme/cam1/1080p/", null).statusCode()).isEqualTo(405);
        assertThat(send("MKCOL", "/push/acme/cam1/x/y/", null).statusCode()).isEqualTo(409);
        assertThat(send("MKCOL", "/push/acme/cam1/body/", "<xml/>").statusCode()).isEqualTo(415);
        assertThat(fx.storage.resolve("acme/cam1/1080p")).isDirectory();
    }

    @Test
    void optionsListsTheMethodsAndOthersAreNotAllowed() throws Exception {
        HttpResponse<String> options = send("OPTIONS", "/push/acme/cam1/", null);
        HttpResponse<String> propfind = send("PROPFIND", "/push/acme/cam1/", null);

        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.headers().firstValue("Allow")).contains(IngestServlet.ALLOW);
        assertThat(options.headers().firstValue("DAV")).contains("1");
        assertThat(propfind.statusCode()).isEqualTo(405);
        assertThat(propfind.headers().firstValue("Allow")).contains(IngestServlet.ALLOW);
    }

    @Test
    void aProvisionedSlotIsPublishedAndCountedAsActive() throws Exception {
        put("/push/acme/cam1/count.ts", "12345");

        assertThat(fx.slots.get(OPERATOR, cam.id()).status()).isEqualTo(ProvisioningStatus.PUBLISHED);
        SlotLiveStatus live = await(() -> fx.stats.live(OPERATOR, cam.id()), s -> s.lastPutAt() != null);
        assertThat(live.activity()).isEqualTo(LiveActivity.ACTIVE);
        assertThat(live.requestsLastMinute().getOrDefault(201, 0L)).isPositive();
    }

    @Test
    void credentialChangesTakeEffectWithinSeconds() throws Exception {
        SlotRecord slot = fx.slot("rotate", List.of());
        fx.slots.addCredential(OPERATOR, slot.id(), new NewCredential("backup", "rotated-pass-22"));
        await(() -> put("/push/acme/rotate/a.ts", "x", basic("backup", "rotated-pass-22")).statusCode(),
                status -> status == 201);

        fx.slots.removeCredential(OPERATOR, slot.id(), "backup");

        assertThat(await(() -> put("/push/acme/rotate/b.ts", "x", basic("backup", "rotated-pass-22")).statusCode(),
                status -> status == 401)).isEqualTo(401);
    }

    @Test
    void aDeletedSlotStopsIngestAndLosesItsFiles() throws Exception {
        SlotRecord slot = fx.slot("doomed", List.of());
        assertThat(put("/push/acme/doomed/a.ts", "x").statusCode()).isEqualTo(201);

        fx.slots.delete(OPERATOR, slot.id());

        assertThat(await(() -> put("/push/acme/doomed/b.ts", "x").statusCode(), status -> status == 401))
                .isEqualTo(401);
        assertThat(await(() -> Files.exists(fx.storage.resolve("acme/doomed")), exists -> !exists)).isFalse();
    }

    @Test
    void ingestKeepsWorkingWhileTheDatabaseIsDown() throws Exception {
        SwitchableJndiDataSource.setDown(true);
        try {
            Thread.sleep(2500);
            assertThat(put("/push/acme/cam1/outage.ts", "still here").statusCode()).isEqualTo(201);
        } finally {
            SwitchableJndiDataSource.setDown(false);
        }
        assertThat(Files.readString(fx.storage.resolve("acme/cam1/outage.ts"))).isEqualTo("still here");
    }

    private static void assertNoTempFiles() throws Exception {
        try (Stream<Path> files = Files.walk(fx.storage)) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith(".upload-"))).isEmpty();
        }
    }

    static HttpResponse<String> put(String path, String body) throws Exception {
        return send("PUT", path, body, basic(USER, PASSWORD));
    }

    static HttpResponse<String> put(String path, String body, String authorization) throws Exception {
        return send("PUT", path, body, authorization);
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, basic(USER, PASSWORD));
    }

    static HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(fx.tomcat.https(path).toString()))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return fx.client.send(builder.build(), BodyHandlers.ofString());
    }

    /** Polls {@code probe} every 200 ms for up to 8 seconds until {@code done} holds; returns the last value. */
    static <T> T await(ThrowingSupplier<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + 8_000_000_000L;
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            value = probe.get();
        }
        return value;
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
