package io.livepush.playback;

import static io.livepush.ingest.LiveFixture.OPERATOR;
import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.ingest.LiveFixture;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.mediavault.MediaVaultSigner;
import io.livepush.mediavault.MediaVaultSigner.Term;
import io.livepush.net.AddressRule.Action;
import io.livepush.segment.ObjectType;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import io.livepush.service.ViewerRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Playback through the real {@code live.war} (SPEC §5): serving, caching, CORS, viewer rules and MediaVault. */
class PlaybackIT {

    private static final String SECRET = "playbacksecret1";
    private static final String MEDIA_PLAYLIST = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nseg_1.ts\n";
    private static final String MASTER_PLAYLIST = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n720p/index.m3u8\n";
    private static final String SEGMENT = "0123456789abcdefghij";

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;
    private static final MediaVaultSigner SIGNER = new MediaVaultSigner(SECRET);

    @BeforeAll
    static void start() throws Exception {
        // These tests rewrite the storage behind ingest's back, as another node on shared storage would: every request
        // proves its in-memory copy with a stat(), as such nodes are configured (docs/scale-out.md).
        fx = new LiveFixture(baseDir, Map.of(PlaybackConfig.MANIFEST_RECHECK_MILLIS, "0"));
        // Create every slot first, then wait once for the node to load them all.
        List<SlotDraft> drafts = List.of(
                fx.draft("open", List.of(), Action.ALLOW, null),
                fx.draft("v4deny", List.of(new ViewerRule(Action.DENY, "127.0.0.0/8")), Action.ALLOW, null),
                fx.draft("v4allow", List.of(new ViewerRule(Action.ALLOW, "127.0.0.1/32")), Action.DENY, null),
                fx.draft("v6allow", List.of(new ViewerRule(Action.ALLOW, "::1/128")), Action.DENY, null),
                fx.draft("v6deny", List.of(new ViewerRule(Action.DENY, "::/0"), new ViewerRule(Action.ALLOW,
                        "0.0.0.0/0")), Action.DENY, null),
                fx.draft("url", List.of(), Action.ALLOW, vault(MediaVaultMode.URL, false, 400)),
                fx.draft("urlsub", List.of(), Action.ALLOW, vault(MediaVaultMode.URL_WITH_SUB_MANIFESTS, false, 400)),
                fx.draft("cookie", List.of(), Action.ALLOW, vault(MediaVaultMode.COOKIE, false, 400)),
                fx.draft("all", List.of(), Action.ALLOW, vault(MediaVaultMode.URL_ALL, false, 403)),
                fx.draft("pathtok", List.of(), Action.ALLOW, vault(MediaVaultMode.URL_ALL, true, 400)));
        List<SlotRecord> created = new ArrayList<>();
        for (SlotDraft draft : drafts) {
            created.add(fx.slots.create(OPERATOR, "acme", draft));
        }
        for (SlotRecord slot : created) {
            fx.awaitServed(slot);
        }
        for (String slot : List.of("open", "v4deny", "v4allow", "v6allow", "v6deny", "url", "urlsub", "cookie", "all",
                "pathtok")) {
            store(slot, "master.m3u8", MASTER_PLAYLIST);
            store(slot, "720p/index.m3u8", MEDIA_PLAYLIST);
            store(slot, "720p/seg_1.ts", SEGMENT);
            store(slot, "720p/init.mp4", "init");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    private static MediaVaultInput vault(MediaVaultMode mode, boolean pathBased, int denyStatus) {
        return new MediaVaultInput(mode, SECRET, null, denyStatus, pathBased, MediaVaultSettings.DEFAULT_PATH_TOKEN,
                MediaVaultSettings.DEFAULT_PATH_DELIM, false, 0);
    }

    private static void store(String slot, String path, String content) throws IOException {
        Path file = fx.storage.resolve("acme").resolve(slot).resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    // ---- serving ----

    @ParameterizedTest
    @CsvSource({"a.m3u8, application/vnd.apple.mpegurl", "a.mpd, application/dash+xml", "a.ts, video/mp2t",
            "a.m4s, video/iso.segment", "a.mp4, video/mp4", "a.m4v, video/mp4", "a.cmfv, video/mp4",
            "a.m4a, audio/mp4", "a.cmfa, audio/mp4", "a.aac, audio/aac", "a.vtt, text/vtt", "a.webvtt, text/vtt",
            "a.cmft, application/mp4", "a.ac3, audio/ac3", "a.ec3, audio/eac3", "a.mp3, audio/mpeg",
            "a.ttml, application/ttml+xml", "a.dfxp, application/ttml+xml", "a.srt, application/x-subrip",
            "a.key, application/octet-stream", "a.json, application/json", "a.xml, application/xml",
            "a.init, video/mp4", "init, video/mp4", "init-stream0, video/mp4", "init.html, video/mp4",
            "B.TS, video/mp2t"})
    void objectsAreServedWithTheContentTypesOfTheSpec(String name, String type) throws Exception {
        store("open", "types/" + name, "x");

        HttpResponse<String> response = get("/play/acme/open/types/" + name);

        assertThat(response.statusCode()).as(response.toString()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
        assertThat(response.body()).isEqualTo("x");
    }

    /** Issue 11: the one path grammar sees the raw URI, so what Tomcat would normalise into a stored file is a 400. */
    @Test
    void pathsTheContainerWouldNormaliseAreRefused() throws Exception {
        store("open", "web-inf/seg_1.ts", SEGMENT);
        assertThat(getRaw("/live/play/acme/open/720p/seg_1.ts")).as("control").startsWith("HTTP/1.1 200");

        for (String path : List.of("/live/play/acme/open/720p//seg_1.ts", "/live/play/acme/open/720p/./seg_1.ts",
                "/live/play/acme/open/x/../720p/seg_1.ts", "/live/play/acme/open/%2e/720p/seg_1.ts",
                "/live/play/acme/open/720p/seg_1.ts;jsessionid=0123", "/live/play/acme/open;v=1/720p/seg_1.ts",
                "/live//play/acme/open/720p/seg_1.ts", "/live/play/acme/open/web-inf/seg_1.ts",
                "/live/play/acme/open/WEB-INF/seg_1.ts")) {
            assertThat(getRaw(path)).as(path).startsWith("HTTP/1.1 400");
        }
    }

    @ParameterizedTest
    @CsvSource({"xss/evil.xml, false", "xss/evil.ttml, false", "xss/evil.mpd, false", "xss/evil.key, false",
            "xss/evil.json, false", "xss/evil.srt, false", "xss/evil.init, true", "xss/init_evil, true",
            "xss/init.html, true", "xss/evil.m3u8, true", "xss/evil.ts, true"})
    void everyServedObjectForbidsSniffingAndScripts(String name, boolean media) throws Exception {
        store("open", name, "<html><body><script>alert(document.cookie)</script></body></html>");
        String path = "/play/acme/open/" + name;

        HttpResponse<String> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        List<HttpResponse<String>> answers = List.of(first, get(path),
                send(request(path).method("HEAD", BodyPublishers.noBody())),
                send(request(path).header("Range", "bytes=0-5")),
                send(request(path).header("If-None-Match", etag)));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 206, 304);
        for (HttpResponse<String> answer : answers) {
            assertForbidsSniffingAndScripts(answer, media ? ObjectType.MEDIA_POLICY : ObjectType.DOCUMENT_POLICY);
        }
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).doesNotContain("html");
    }

    @Test
    void anObjectReachedThroughAPathTokenForbidsSniffingAndScriptsToo() throws Exception {
        store("pathtok", "xss/evil.xml", "<html><script>alert(1)</script></html>");
        String master = url("/play/acme/pathtok/master.m3u8");
        int prefix = MediaVaultSigner.directoryPrefixLength(master);
        String pathBased = MediaVaultSigner.toPathBased(SIGNER.sign(master, Term.prefix(prefix), Term.end(in(60))),
                prefix, "token=", "~");

        HttpResponse<String> response = get(URI.create(pathBased.substring(0, pathBased.lastIndexOf('/') + 1)
                + "xss/evil.xml"));

        assertThat(response.statusCode()).as(response.toString()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/xml");
        assertForbidsSniffingAndScripts(response, ObjectType.DOCUMENT_POLICY);
    }

    @Test
    void refusalsAndErrorPagesForbidSniffingAndScripts() throws Exception {
        List<HttpResponse<String>> refusals = List.of(get("/play/acme/nosuch/index.m3u8"),
                get("/play/acme/open/720p/seg_999.ts"), get("/play/acme/v4deny/720p/index.m3u8"),
                get("/play/acme/url/master.m3u8"), get("/play/acme/open/.hidden.ts"),
                send(request("/play/acme/open/720p/seg_1.ts").method("POST", BodyPublishers.ofString("x"))),
                send(request("/play/acme/open/720p/seg_1.ts").header("Range", "bytes=100-200")));

        assertThat(refusals).extracting(HttpResponse::statusCode).containsExactly(404, 404, 403, 400, 400, 405, 416);
        for (HttpResponse<String> refusal : refusals) {
            assertForbidsSniffingAndScripts(refusal, null);
        }
    }

    /** {@code nosniff} and the expected policy ({@code null}: either, as long as it is one of ours). */
    private static void assertForbidsSniffingAndScripts(HttpResponse<String> response, String policy) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.toString())
                .contains("nosniff");
        assertThat(response.headers().allValues("Content-Security-Policy")).as(response.toString())
                .hasSize(1).first().isIn(policy != null ? List.of(policy)
                        : List.of(ObjectType.DOCUMENT_POLICY, ObjectType.MEDIA_POLICY));
    }

    @Test
    void playlistsMayBeCachedForOneSecondAndSegmentsForTheFileExpiry() throws Exception {
        HttpResponse<String> playlist = get("/play/acme/open/720p/index.m3u8");
        HttpResponse<String> segment = get("/play/acme/open/720p/seg_1.ts");
        HttpResponse<String> init = get("/play/acme/open/720p/init.mp4");

        assertThat(playlist.headers().firstValue("Cache-Control")).as(playlist.toString()).contains("max-age=1");
        assertThat(playlist.body()).isEqualTo(MEDIA_PLAYLIST);
        assertThat(segment.headers().firstValue("Cache-Control")).contains("max-age=300");
        assertThat(init.headers().firstValue("Cache-Control")).contains("max-age=1");
    }

    @Test
    void aPlaylistRewrittenInPlaceIsServedFreshAtOnce() throws Exception {
        store("open", "live.m3u8", "#EXTM3U\n#first\n");
        assertThat(get("/play/acme/open/live.m3u8").body()).isEqualTo("#EXTM3U\n#first\n");

        store("open", "live.m3u8", "#EXTM3U\n#second, longer\n");

        assertThat(get("/play/acme/open/live.m3u8").body()).isEqualTo("#EXTM3U\n#second, longer\n");
    }

    @Test
    void aMatchingEtagOrDateAnswers304() throws Exception {
        HttpResponse<String> first = get("/play/acme/open/720p/seg_1.ts");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> byEtag = send(request("/play/acme/open/720p/seg_1.ts").header("If-None-Match", etag));
        HttpResponse<String> byDate = send(request("/play/acme/open/720p/seg_1.ts")
                .header("If-Modified-Since", modified));

        assertThat(byEtag.statusCode()).as(byEtag.toString()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byDate.statusCode()).isEqualTo(304);
    }

    @Test
    void aByteRangeAnswers206AndAnUnsatisfiableOne416() throws Exception {
        HttpResponse<String> partial = send(request("/play/acme/open/720p/seg_1.ts").header("Range", "bytes=2-5"));
        HttpResponse<String> beyond = send(request("/play/acme/open/720p/seg_1.ts").header("Range", "bytes=100-200"));

        assertThat(partial.statusCode()).as(partial.toString()).isEqualTo(206);
        assertThat(partial.body()).isEqualTo("2345");
        assertThat(partial.headers().firstValue("Content-Range")).contains("bytes 2-5/20");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */20");
    }

    @Test
    void aPlaylistReplacedByRenameWithTheSameSizeIsServedFreshAtOnce() throws Exception {
        store("open", "renamed.m3u8", "#EXTM3U\n#one\n");
        Path file = fx.storage.resolve("acme/open/renamed.m3u8");
        assertThat(get("/play/acme/open/renamed.m3u8").body()).isEqualTo("#EXTM3U\n#one\n");
        FileTime sameTime = Files.getLastModifiedTime(file);

        // As ingest publishes: a temp file in the same directory, renamed over the old one.
        Path upload = Files.writeString(file.resolveSibling(".renamed.m3u8.upload"), "#EXTM3U\n#two\n");
        Files.setLastModifiedTime(upload, sameTime);
        Files.move(upload, file, StandardCopyOption.ATOMIC_MOVE);

        assertThat(get("/play/acme/open/renamed.m3u8").body()).isEqualTo("#EXTM3U\n#two\n");
    }

    @ParameterizedTest
    @CsvSource({"720p/index.m3u8", "manifest.mpd"})
    void aManifestFromMemoryHasTheHeadersOfTheDefaultServlet(String name) throws Exception {
        store("open", name, MEDIA_PLAYLIST);
        String path = "/play/acme/open/" + name;
        get(path);
        HttpResponse<String> fromMemory = get(path);
        // A range request is left to Tomcat's default servlet, which reads the file.
        HttpResponse<String> fromFile = send(request(path).header("Range", "bytes=0-"));

        assertThat(fromMemory.statusCode()).isEqualTo(200);
        assertThat(fromFile.statusCode()).as(fromFile.toString()).isEqualTo(206);
        assertThat(fromFile.body()).isEqualTo(fromMemory.body()).isEqualTo(MEDIA_PLAYLIST);
        for (String header : List.of("ETag", "Last-Modified", "Content-Type", "Accept-Ranges", "Cache-Control",
                "Access-Control-Allow-Origin")) {
            assertThat(fromMemory.headers().firstValue(header)).as(header).isPresent()
                    .isEqualTo(fromFile.headers().firstValue(header));
        }
        assertThat(fromMemory.headers().firstValueAsLong("Content-Length")).hasValue(MEDIA_PLAYLIST.length());
    }

    /**
     * A plain GET of a segment above 48 KiB is answered by the filter: with sendfile over HTTP/1.1, copied over TLS and
     * HTTP/2; conditional requests by the servlet.
     */
    @Test
    void aSegmentAnsweredByTheFilterHasTheBytesAndHeadersOfTheDefaultServlet() throws Exception {
        byte[] segment = new byte[200 * 1024 + 7];
        new Random(15).nextBytes(segment);
        Path file = fx.storage.resolve("acme/open/big/seg_9.ts");
        Files.createDirectories(file.getParent());
        Files.write(file, segment);
        String path = "/play/acme/open/big/seg_9.ts";

        HttpResponse<byte[]> sent = sendForBytes(fx.client, request(path));
        // An entity tag that matches nothing leaves the request to Tomcat's default servlet, which sends it all.
        HttpResponse<byte[]> byServlet = sendForBytes(fx.client, request(path).header("If-None-Match", "W/\"0-0\""));
        HttpResponse<byte[]> overTls = sendForBytes(fx.tomcat.client(), HttpRequest.newBuilder(fx.tomcat.https(path)));
        HttpClient h2c = fx.tomcat.client(HttpClient.Version.HTTP_2);
        // The client's first request upgrades the connection to h2c; Tomcat 11.0.24 stalls an answer on that upgraded
        // stream after 64 KiB, with or without sendfile (docs/low-latency.md), so it asks for a playlist first.
        assertThat(sendForBytes(h2c, request("/play/acme/open/720p/index.m3u8")).version())
                .isEqualTo(HttpClient.Version.HTTP_2);
        HttpResponse<byte[]> overH2c = sendForBytes(h2c, request(path));

        for (HttpResponse<byte[]> response : List.of(sent, byServlet, overTls, overH2c)) {
            assertThat(response.statusCode()).as(response.toString()).isEqualTo(200);
            assertThat(response.body()).as(response.toString()).isEqualTo(segment);
        }
        assertThat(overH2c.version()).isEqualTo(HttpClient.Version.HTTP_2);
        for (String header : List.of("ETag", "Last-Modified", "Content-Type", "Content-Length", "Accept-Ranges",
                "Cache-Control", "Access-Control-Allow-Origin", "X-Content-Type-Options", "Content-Security-Policy")) {
            for (HttpResponse<byte[]> byFilter : List.of(sent, overTls, overH2c)) {
                assertThat(byFilter.headers().firstValue(header)).as(header + " of " + byFilter).isPresent()
                        .isEqualTo(byServlet.headers().firstValue(header));
            }
        }
        HttpResponse<byte[]> revalidated = sendForBytes(fx.client,
                request(path).header("If-None-Match", sent.headers().firstValue("ETag").orElseThrow()));
        assertThat(revalidated.statusCode()).isEqualTo(304);
    }

    @Test
    void aStoredLinkIsNotFollowed() throws Exception {
        Path target = fx.storage.resolve("acme/open/big/real.ts");
        Files.createDirectories(target.getParent());
        Files.write(target, new byte[100 * 1024]);
        Files.createSymbolicLink(fx.storage.resolve("acme/open/big/link.ts"), target);
        Files.createSymbolicLink(fx.storage.resolve("acme/open/big/link.m3u8"), fx.storage.resolve(
                "acme/open/720p/index.m3u8"));

        assertThat(get("/play/acme/open/big/real.ts").statusCode()).isEqualTo(200);
        assertThat(get("/play/acme/open/big/link.ts").statusCode()).isEqualTo(404);
        assertThat(get("/play/acme/open/big/link.m3u8").statusCode()).isEqualTo(404);
        assertThat(send(request("/play/acme/open/big/link.ts").header("Range", "bytes=0-1")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPlaylistAnswers304ToItsEtagOrDateAndHeadWithoutABody() throws Exception {
        String path = "/play/acme/open/720p/index.m3u8";
        HttpResponse<String> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> byEtag = send(request(path).header("If-None-Match", "\"x\", " + etag));
        HttpResponse<String> byDate = send(request(path)
                .header("If-Modified-Since", first.headers().firstValue("Last-Modified").orElseThrow()));
        HttpResponse<String> otherEtag = send(request(path).header("If-None-Match", "W/\"1-1\""));
        HttpResponse<String> head = send(request(path).method("HEAD", BodyPublishers.noBody()));

        assertThat(byEtag.statusCode()).as(byEtag.toString()).isEqualTo(304);
        assertThat(byEtag.headers().firstValue("ETag")).contains(etag);
        assertThat(byEtag.headers().firstValue("Cache-Control")).contains("max-age=1");
        assertThat(byEtag.body()).isEmpty();
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(otherEtag.statusCode()).isEqualTo(200);
        assertThat(otherEtag.body()).isEqualTo(MEDIA_PLAYLIST);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(MEDIA_PLAYLIST.length());
        assertThat(head.body()).isEmpty();
    }

    @Test
    void headAnswersTheHeadersWithoutABody() throws Exception {
        HttpResponse<String> head = send(request("/play/acme/open/720p/seg_1.ts")
                .method("HEAD", BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(SEGMENT.length());
        assertThat(head.headers().firstValue("Cache-Control")).contains("max-age=300");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void otherMethodsAnswer405WithAllow() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> response = send(request("/play/acme/open/720p/seg_1.ts")
                    .method(method, BodyPublishers.ofString("x")));

            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
        }
        assertThat(Files.readString(fx.storage.resolve("acme/open/720p/seg_1.ts"))).isEqualTo(SEGMENT);
    }

    @Test
    void unknownSlotsFilesAndDirectoriesAnswer404ThatNoCacheKeeps() throws Exception {
        for (String path : List.of("/play/acme/nosuch/index.m3u8", "/play/other/open/index.m3u8",
                "/play/acme/open/720p/seg_999.ts", "/play/acme/open/720p/", "/play/acme/open/720p",
                "/play/acme/open/", "/play/acme/open")) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path + " " + response).isEqualTo(404);
            assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-store");
        }
    }

    @Test
    void noHttpSessionIsCreated() throws Exception {
        HttpResponse<String> response = get("/play/acme/open/720p/index.m3u8");

        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aFileMidUploadIsNeverVisible() throws Exception {
        PipedOutputStream body = new PipedOutputStream();
        InputStream bodyIn = new PipedInputStream(body, 1024);
        CompletableFuture<HttpResponse<String>> upload = fx.client.sendAsync(HttpRequest.newBuilder(
                        fx.tomcat.https("/push/acme/open/720p/seg_mid.ts"))
                .header("Authorization", basic(USER, PASSWORD)).PUT(BodyPublishers.ofInputStream(() -> bodyIn))
                .build(), BodyHandlers.ofString());
        body.write("first half ".getBytes(StandardCharsets.UTF_8));
        body.flush();
        Path temp = awaitTempFile(fx.storage.resolve("acme/open/720p"));

        HttpResponse<String> byName = get("/play/acme/open/720p/seg_mid.ts");
        HttpResponse<String> byTempName = get("/play/acme/open/720p/" + temp.getFileName());

        assertThat(byName.statusCode()).as(byName.toString()).isEqualTo(404);
        assertThat(byTempName.statusCode()).as(byTempName.toString()).isIn(400, 404);
        body.write("second half".getBytes(StandardCharsets.UTF_8));
        body.close();
        assertThat(upload.get().statusCode()).isEqualTo(201);
        assertThat(get("/play/acme/open/720p/seg_mid.ts").body()).isEqualTo("first half second half");
    }

    private static Path awaitTempFile(Path directory) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(directory)) {
                var temp = files.filter(file -> file.getFileName().toString().startsWith(".upload-")).findFirst();
                if (temp.isPresent()) {
                    return temp.get();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No temporary upload file appeared in " + directory);
    }

    @Test
    void aDeletedSlotStopsServingWithinTheRefreshPeriod() throws Exception {
        SlotRecord gone = fx.slot("gone", List.of());
        store("gone", "index.m3u8", MEDIA_PLAYLIST);
        assertThat(get("/play/acme/gone/index.m3u8").statusCode()).isEqualTo(200);

        Instant deleted = Instant.now();
        fx.slots.delete(OPERATOR, gone.id());
        int status = 200;
        while (status == 200 && Duration.between(deleted, Instant.now()).toSeconds() < 10) {
            status = get("/play/acme/gone/index.m3u8").statusCode();
            Thread.sleep(50);
        }

        assertThat(status).isEqualTo(404);
        assertThat(Duration.between(deleted, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    // ---- CORS ----

    @Test
    void everyAnswerAllowsAnyOrigin() throws Exception {
        HttpResponse<String> ok = send(request("/play/acme/open/720p/index.m3u8").header("Origin",
                "https://player.example.com"));
        HttpResponse<String> missing = send(request("/play/acme/open/none.ts").header("Origin",
                "https://player.example.com"));

        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(ok.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("Content-Range");
        assertThat(missing.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void aPreflightIsAnsweredWithoutAToken() throws Exception {
        HttpResponse<String> preflight = send(request("/play/acme/all/720p/seg_1.ts")
                .method("OPTIONS", BodyPublishers.noBody()).header("Origin", "https://player.example.com")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "range"));

        assertThat(preflight.statusCode()).as(preflight.toString()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, HEAD, OPTIONS");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("range");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).contains("86400");
    }

    // ---- viewer rules ----

    @Test
    void aViewerDeniedByAnIpv4RuleGets403() throws Exception {
        HttpResponse<String> response = get("/play/acme/v4deny/720p/index.m3u8");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aViewerAllowedByAnIpv4RuleIsServed() throws Exception {
        assertThat(get("/play/acme/v4allow/720p/index.m3u8").statusCode()).isEqualTo(200);
    }

    @Test
    void ipv6RulesMatchIpv6ViewersOnly() throws Exception {
        assertThat(send(HttpRequest.newBuilder(v6("/play/acme/v6allow/720p/index.m3u8"))).statusCode())
                .isEqualTo(200);
        assertThat(get("/play/acme/v6allow/720p/index.m3u8").statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(v6("/play/acme/v6deny/720p/index.m3u8"))).statusCode())
                .isEqualTo(403);
        assertThat(get("/play/acme/v6deny/720p/index.m3u8").statusCode()).isEqualTo(200);
    }

    private static URI v6(String path) {
        return URI.create("http://[::1]:" + fx.tomcat.httpPort() + "/live" + path);
    }

    // ---- MediaVault ----

    private static String url(String path) {
        return fx.tomcat.http(path).toString();
    }

    private static long in(int seconds) {
        return Instant.now().getEpochSecond() + seconds;
    }

    @Test
    void urlModeProtectsOnlyTheMasterPlaylist() throws Exception {
        String master = url("/play/acme/url/master.m3u8");

        assertThat(get(URI.create(master)).statusCode()).isEqualTo(400);
        assertThat(get(URI.create(SIGNER.sign(master, Term.end(in(60))))).statusCode()).isEqualTo(200);
        assertThat(get("/play/acme/url/720p/index.m3u8").statusCode()).isEqualTo(200);
        assertThat(get("/play/acme/url/720p/seg_1.ts").statusCode()).isEqualTo(200);
    }

    @Test
    void urlWithSubManifestsProtectsEveryPlaylistWithOneDirectoryToken() throws Exception {
        String master = url("/play/acme/urlsub/master.m3u8");
        String signed = SIGNER.sign(master, Term.prefix(MediaVaultSigner.directoryPrefixLength(master)),
                Term.end(in(60)));
        String query = signed.substring(signed.indexOf('?'));

        assertThat(get(URI.create(signed)).statusCode()).isEqualTo(200);
        assertThat(get(URI.create(url("/play/acme/urlsub/720p/index.m3u8") + query)).statusCode()).isEqualTo(200);
        assertThat(get("/play/acme/urlsub/720p/index.m3u8").statusCode()).isEqualTo(400);
        assertThat(get("/play/acme/urlsub/720p/seg_1.ts").statusCode()).isEqualTo(200);
    }

    @Test
    void urlAllProtectsEveryObjectWithTheSlotsDenyStatus() throws Exception {
        String master = url("/play/acme/all/master.m3u8");
        String signed = SIGNER.sign(master, Term.prefix(MediaVaultSigner.directoryPrefixLength(master)),
                Term.end(in(60)));
        String query = signed.substring(signed.indexOf('?'));

        HttpResponse<String> unsigned = get("/play/acme/all/720p/seg_1.ts");
        HttpResponse<String> expired = get(URI.create(SIGNER.sign(url("/play/acme/all/720p/seg_1.ts"),
                Term.end(in(-10)))));
        HttpResponse<String> wrongSecret = get(URI.create(new MediaVaultSigner("othersecret1").sign(
                url("/play/acme/all/720p/seg_1.ts"), Term.end(in(60)))));

        assertThat(get(URI.create(url("/play/acme/all/720p/seg_1.ts") + query)).body()).isEqualTo(SEGMENT);
        for (HttpResponse<String> denied : List.of(unsigned, expired, wrongSecret)) {
            assertThat(denied.statusCode()).as(denied.toString()).isEqualTo(403);
            assertThat(denied.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(denied.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aTokenSignedForAnotherSlotIsRefused() throws Exception {
        String other = url("/play/acme/urlsub/master.m3u8");
        String signed = SIGNER.sign(other, Term.prefix(MediaVaultSigner.directoryPrefixLength(other)),
                Term.end(in(60)));

        HttpResponse<String> response = get(URI.create(url("/play/acme/all/master.m3u8")
                + signed.substring(signed.indexOf('?'))));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void cookieModeSetsACookieThatAuthorisesSegmentRequestsWithoutAQuery() throws Exception {
        String master = url("/play/acme/cookie/master.m3u8");
        String signed = SIGNER.sign(master, Term.prefix(MediaVaultSigner.directoryPrefixLength(master)),
                Term.cookieInitial(30), Term.cookieDuration(20), Term.end(in(60)), Term.cookieFinal(in(3600)));

        HttpResponse<String> first = get(URI.create(signed));
        String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> segment = send(request("/play/acme/cookie/720p/seg_1.ts").header("Cookie", cookie));
        HttpResponse<String> withoutCookie = get("/play/acme/cookie/720p/seg_1.ts");

        assertThat(first.statusCode()).as(first.toString()).isEqualTo(200);
        assertThat(setCookie).startsWith("_llnw_hashsecret=").contains("Path=/live/play/acme/cookie/")
                .contains("HttpOnly").doesNotContain("Secure");
        assertThat(first.headers().firstValue("Cache-Control")).contains("private, max-age=1");
        assertThat(segment.statusCode()).as(segment.toString()).isEqualTo(200);
        assertThat(segment.body()).isEqualTo(SEGMENT);
        assertThat(segment.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("_llnw_hashsecret=");
        assertThat(segment.headers().firstValue("Cache-Control")).contains("private, max-age=300");
        assertThat(withoutCookie.statusCode()).isEqualTo(400);
    }

    @Test
    void cookieModeOverHttpsSetsASecureCookie() throws Exception {
        String master = fx.tomcat.https("/play/acme/cookie/master.m3u8").toString();
        String signed = SIGNER.sign(master, Term.prefix(MediaVaultSigner.directoryPrefixLength(master)),
                Term.cookieDuration(20), Term.end(in(60)), Term.cookieFinal(in(3600)));

        HttpResponse<String> first = get(URI.create(signed));

        assertThat(first.statusCode()).as(first.toString()).isEqualTo(200);
        assertThat(first.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure")
                .contains("SameSite=None");
    }

    @Test
    void aTamperedCookieIsRefused() throws Exception {
        String master = url("/play/acme/cookie/master.m3u8");
        String signed = SIGNER.sign(master, Term.prefix(MediaVaultSigner.directoryPrefixLength(master)),
                Term.cookieDuration(20), Term.end(in(60)), Term.cookieFinal(in(3600)));
        String setCookie = get(URI.create(signed)).headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';')).replaceFirst("cf=\\d+", "cf=" + in(999_999));

        HttpResponse<String> response = send(request("/play/acme/cookie/720p/seg_1.ts").header("Cookie", cookie));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void aPathBasedTokenIsInheritedByRelativeUris() throws Exception {
        String master = url("/play/acme/pathtok/master.m3u8");
        int prefix = MediaVaultSigner.directoryPrefixLength(master);
        String signed = SIGNER.sign(master, Term.prefix(prefix), Term.end(in(60)));
        String pathBased = MediaVaultSigner.toPathBased(signed, prefix, "token=", "~");
        String tokenDirectory = pathBased.substring(0, pathBased.lastIndexOf('/') + 1);

        HttpResponse<String> masterResponse = get(URI.create(pathBased));
        HttpResponse<String> segment = get(URI.create(tokenDirectory + "720p/seg_1.ts"));
        HttpResponse<String> ranged = send(HttpRequest.newBuilder(URI.create(tokenDirectory + "720p/seg_1.ts"))
                .header("Range", "bytes=0-1"));
        HttpResponse<String> missing = get(URI.create(tokenDirectory + "720p/seg_404.ts"));

        assertThat(pathBased).contains("/pathtok/token=p=");
        assertThat(masterResponse.statusCode()).as(masterResponse.toString()).isEqualTo(200);
        assertThat(masterResponse.body()).isEqualTo(MASTER_PLAYLIST);
        assertThat(masterResponse.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.apple.mpegurl");
        assertThat(segment.body()).isEqualTo(SEGMENT);
        assertThat(segment.headers().firstValue("Cache-Control")).contains("max-age=300");
        assertThat(ranged.statusCode()).isEqualTo(206);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(get("/play/acme/pathtok/720p/seg_1.ts").statusCode()).isEqualTo(400);
        assertThat(get(URI.create(tokenDirectory.replace("~h=", "~h=0") + "720p/seg_1.ts")).statusCode())
                .isEqualTo(400);
    }

    // ---- helpers ----

    /** GETs a path sent exactly as given (HttpClient would normalise it); returns the status line. */
    private static String getRaw(String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", fx.tomcat.httpPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.lines().findFirst().orElse("");
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(fx.tomcat.http(path));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(request(path));
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri));
    }

    private static HttpResponse<byte[]> sendForBytes(HttpClient client, HttpRequest.Builder builder)
            throws Exception {
        return client.send(builder.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        HttpClient client = fx.client;
        return client.send(builder.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
    }
}
