package io.livepush.ingest;

import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What encoders do to a publishing server at the edges (SPEC §4), over real TLS against the real {@code live.war}:
 * uploads cut off mid-body (raw sockets), short bodies, {@code Expect: 100-continue} with a body over the limit,
 * a parent path that is a file, and many encoders rewriting one manifest at once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IngestEdgeCasesIT {

    private static final int LIMIT = 256 * 1024;

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;
    private static Path slotDir;

    @BeforeAll
    static void start() throws Exception {
        fx = new LiveFixture(baseDir, Map.of("ingest.maxSegmentBytes", String.valueOf(LIMIT)));
        fx.slot("cam1", List.of());
        slotDir = fx.storage.resolve("acme/cam1");
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void uploadAbortedMidBodyLeavesNothing() throws Exception {
        Path directory = slotDir.resolve("aborted");
        try (SSLSocket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("PUT", "/push/acme/cam1/aborted/seg_1.ts", "Content-Length: 1000"));
            out.write(new byte[100]);
            out.flush();
            awaitTempFile(directory, true);
        }

        awaitTempFile(directory, false);
        assertThat(directory.resolve("seg_1.ts")).doesNotExist();
    }

    @Test
    void chunkedUploadCutOffMidChunkLeavesNothing() throws Exception {
        Path directory = slotDir.resolve("cut");
        try (SSLSocket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("PUT", "/push/acme/cam1/cut/index.m3u8", "Transfer-Encoding: chunked"));
            out.write("64\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[100]);
            out.write("\r\n3e8\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[100]);
            out.flush();
            awaitTempFile(directory, true);
        }

        awaitTempFile(directory, false);
        assertThat(directory.resolve("index.m3u8")).doesNotExist();
    }

    @Test
    void abortedReplacementKeepsThePreviousVersion() throws Exception {
        assertThat(send("PUT", "/push/acme/cam1/keep/index.m3u8", "#EXTM3U\n").statusCode())
                .isEqualTo(201);
        Path directory = slotDir.resolve("keep");
        try (SSLSocket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("PUT", "/push/acme/cam1/keep/index.m3u8", "Transfer-Encoding: chunked"));
            out.write("400\r\n#EXTM3U\n#EXT-X-TARG".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitTempFile(directory, true);
        }

        awaitTempFile(directory, false);
        assertThat(directory.resolve("index.m3u8")).hasContent("#EXTM3U\n");
    }

    @Test
    void bodyShorterThanItsContentLengthPublishesNothing() throws Exception {
        Path directory = slotDir.resolve("short");
        List<String> answers;
        try (SSLSocket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("PUT", "/push/acme/cam1/short/seg_1.ts", "Content-Length: 1000"));
            out.write(new byte[100]);
            out.flush();
            awaitTempFile(directory, true);
            // The encoder says it is done sending (TLS close_notify) while still waiting for an answer.
            socket.shutdownOutput();
            answers = readStatusLines(socket.getInputStream());
        }

        awaitTempFile(directory, false);
        assertThat(directory.resolve("seg_1.ts")).doesNotExist();
        assertThat(answers).as("a short body must never be answered as stored")
                .noneMatch(line -> line.startsWith("HTTP/1.1 2"));
    }

    @Test
    void expectContinueWithTooLargeContentLengthGets413WithoutTheBody() throws Exception {
        List<String> answers;
        try (SSLSocket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("PUT", "/push/acme/cam1/huge.ts", "Content-Length: " + (LIMIT + 1),
                    "Expect: 100-continue"));
            out.flush();
            answers = readStatusLines(socket.getInputStream());
        }

        assertThat(answers).as("no 100 Continue may invite a body that will be refused")
                .singleElement().asString().startsWith("HTTP/1.1 413");
        assertThat(slotDir.resolve("huge.ts")).doesNotExist();
    }

    @Test
    void expectContinueForARefusedFileTypeGets415WithoutTheBody() throws Exception {
        List<String> answers;
        try (SSLSocket socket = connect()) {
            socket.getOutputStream().write(head("PUT", "/push/acme/cam1/run.exe", "Content-Length: 10",
                    "Expect: 100-continue"));
            socket.getOutputStream().flush();
            answers = readStatusLines(socket.getInputStream());
        }

        assertThat(answers).singleElement().asString().startsWith("HTTP/1.1 415");
    }

    @Test
    void expectContinueWithinTheLimitIsInvitedAndStored() throws Exception {
        byte[] body = "#EXTM3U\n#EXT-X-VERSION:7\n".getBytes(StandardCharsets.US_ASCII);
        try (SSLSocket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head("PUT", "/push/acme/cam1/continue.m3u8", "Content-Length: " + body.length,
                    "Expect: 100-continue"));
            out.flush();
            assertThat(readHead(in)).startsWith("HTTP/1.1 100");
            out.write(body);
            out.flush();
            assertThat(readHead(in)).startsWith("HTTP/1.1 201");
        }

        assertThat(slotDir.resolve("continue.m3u8")).hasBinaryContent(body);
    }

    @Test
    void hostileEncodedPathsAreRefusedAndStoreNothing() throws Exception {
        List<String> before = storedFiles();
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String path : List.of(
                "/push/acme/cam1/%2e%2e/%2e%2e/cam2/x.ts",
                "/push/acme/cam1/%2E%2E/x.ts",
                "/push/acme/cam1/a%2fb.ts",
                "/push/acme/cam1/..%2f..%2fetc%2fx.ts",
                "/push/acme/cam1/a%5cb.ts",
                "/push/acme/cam1/a%00.ts",
                "/push/acme/cam1/a.ts%00.m3u8",
                "/push/acme/cam1/%2ehidden.ts",
                "/push/acme/cam1/.upload-0123abcd",
                "/push/acme/cam1/a%0d%0aX-Injected:%201.ts",
                "/push/acme/cam1/a%e2%80%a8.ts",
                "/push/acme/cam1/%c0%ae%c0%ae/x.ts",
                "/push/acme/cam1/%ed%a0%80.ts",
                "/push/acme/cam1/%ff.ts",
                "/push/acme/cam1/" + "a".repeat(253) + ".ts",
                "/push/acme/cam1/" + "%c3%a9".repeat(128) + ".ts",
                "/push/acme/cam1/a/b/c/d/e/f/g/h/i.ts")) {
            answers.put(path.length() > 80 ? path.substring(0, 80) + "..." : path, putRaw(path));
        }

        assertThat(answers).allSatisfy((path, status) -> assertThat(status).as(path).isEqualTo(400));
        assertThat(storedFiles()).isEqualTo(before);
    }

    /** Issue 11: Tomcat's getPathInfo() would have turned each of these into a valid path and stored it (201). */
    @Test
    void pathsTheContainerWouldNormaliseAreRefusedAndStoreNothing() throws Exception {
        List<String> before = storedFiles();
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String path : List.of(
                "/push/acme/cam1/norm//b.ts",
                "/push/acme/cam1/norm/./b.ts",
                "/push/acme/cam1/norm/x/../b.ts",
                "/push/acme/cam1/norm/%2e/b.ts",
                "/push/acme/cam1/norm/x/%2E%2E/b.ts",
                "/push/acme/cam1//norm/b.ts",
                "/push/acme//cam1/norm/b.ts",
                "/push/acme/cam1/norm/b.ts;jsessionid=0123",
                "/push/acme/cam1/norm;v=1/b.ts",
                "/push/acme/cam1/norm/.;x/b.ts",
                "/push/acme/cam1/norm/b.ts/.",
                "//push/acme/cam1/norm/b.ts")) {
            answers.put(path, putRaw(path));
        }

        assertThat(answers).allSatisfy((path, status) -> assertThat(status).as(path).isEqualTo(400));
        assertThat(storedFiles()).isEqualTo(before);
    }

    /** RFC 9112 §3.2.2: a server must accept the absolute form of the request target, which the raw grammar sees. */
    @Test
    void absoluteFormRequestTargetIsStored() throws Exception {
        List<String> answers;
        try (SSLSocket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            byte[] head = head("PUT", "/push/acme/cam1/absolute/seg_1.ts", "Content-Length: 1", "Connection: close");
            String absolute = new String(head, StandardCharsets.US_ASCII).replaceFirst("PUT /live",
                    "PUT https://127.0.0.1:" + fx.tomcat.httpsPort() + "/live");
            out.write(absolute.getBytes(StandardCharsets.US_ASCII));
            out.write('x');
            out.flush();
            answers = readStatusLines(socket.getInputStream());
        }

        assertThat(answers).last().asString().startsWith("HTTP/1.1 201");
        assertThat(slotDir.resolve("absolute/seg_1.ts")).hasContent("x");
    }

    @Test
    void webInfMetaInfAndInvisibleFormatCharactersAreRefused() throws Exception {
        List<String> before = storedFiles();
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String path : List.of(
                "/push/acme/cam1/WEB-INF/web.xml",
                "/push/acme/cam1/web-inf/a.ts",
                "/push/acme/cam1/720p/Meta-Inf/context.xml",
                "/push/acme/cam1/%57EB-INF/a.ts",
                "/push/acme/cam1/evil%E2%80%AEsts.exe",
                "/push/acme/cam1/a%E2%80%AA.ts",
                "/push/acme/cam1/a%E2%81%A6.ts",
                "/push/acme/cam1/a%E2%81%A9.ts",
                "/push/acme/cam1/seg%E2%80%8B1.ts",
                "/push/acme/cam1/a%E2%80%8F.ts",
                "/push/acme/cam1/%EF%BB%BFindex.m3u8")) {
            answers.put(path, putRaw(path));
        }

        assertThat(answers).allSatisfy((path, status) -> assertThat(status).as(path).isEqualTo(400));
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void partialPutWithContentRangeIsRefusedAndKeepsTheObject() throws Exception {
        assertThat(send("PUT", "/push/acme/cam1/range/seg_1.ts", "0123456789").statusCode()).isEqualTo(201);

        HttpResponse<String> partial = fx.client.send(HttpRequest.newBuilder(
                        fx.tomcat.https("/push/acme/cam1/range/seg_1.ts"))
                .header("Authorization", basic(USER, PASSWORD))
                .header("Content-Range", "bytes 2-4/10")
                .PUT(BodyPublishers.ofString("abc")).build(), BodyHandlers.ofString());
        HttpResponse<String> fresh = fx.client.send(HttpRequest.newBuilder(
                        fx.tomcat.https("/push/acme/cam1/range/seg_2.ts"))
                .header("Authorization", basic(USER, PASSWORD))
                .header("Content-Range", "bytes 0-2/3")
                .PUT(BodyPublishers.ofString("abc")).build(), BodyHandlers.ofString());

        assertThat(partial.statusCode()).as(partial.toString()).isEqualTo(400);
        assertThat(partial.body()).contains("Content-Range");
        assertThat(fresh.statusCode()).as(fresh.toString()).isEqualTo(400);
        assertThat(slotDir.resolve("range/seg_1.ts")).hasContent("0123456789");
        assertThat(slotDir.resolve("range/seg_2.ts")).doesNotExist();
    }

    /**
     * RFC 9112 §6.1: Tomcat drops the Content-Length, frames the body by the chunked coding alone and closes the
     * connection after answering, so a request smuggled behind the body is never read. The servlet never sees the
     * Content-Length (docs/security.md); this test would notice a Tomcat that framed by it instead.
     */
    @Test
    void contentLengthWithTransferEncodingIsFramedByChunkedAndClosesTheConnection() throws Exception {
        List<String> answers;
        try (SSLSocket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("PUT", "/push/acme/cam1/smuggle/seg_1.ts", "Content-Length: 5",
                    "Transfer-Encoding: chunked"));
            out.write("3\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(head("DELETE", "/push/acme/cam1/smuggle/seg_1.ts"));
            out.flush();
            answers = readAllStatusLines(socket.getInputStream());
        }

        assertThat(answers).as("the request behind the chunked body must not be answered").hasSize(1);
        assertThat(answers.get(0)).startsWith("HTTP/1.1 201");
        assertThat(slotDir.resolve("smuggle/seg_1.ts")).hasContent("abc");
    }

    @Test
    void pathBelowAFileIsAConflictNotAServerError() throws Exception {
        assertThat(send("PUT", "/push/acme/cam1/flat.ts", "x").statusCode()).isEqualTo(201);

        HttpResponse<String> put = send("PUT", "/push/acme/cam1/flat.ts/seg.ts", "y");
        HttpResponse<String> deeper = send("PUT", "/push/acme/cam1/flat.ts/a/seg.ts", "y");
        HttpResponse<String> mkcol = send("MKCOL", "/push/acme/cam1/flat.ts/dir/", null);
        HttpResponse<String> delete = send("DELETE", "/push/acme/cam1/flat.ts/seg.ts", null);

        assertThat(put.statusCode()).as(put.toString()).isEqualTo(409);
        assertThat(deeper.statusCode()).as(deeper.toString()).isEqualTo(409);
        assertThat(mkcol.statusCode()).as(mkcol.toString()).isEqualTo(409);
        assertThat(delete.statusCode()).as(delete.toString()).isEqualTo(404);
        assertThat(slotDir.resolve("flat.ts")).hasContent("x");
    }

    @Test
    void concurrentWritersOfOneManifestEndWithOneWholeVersion() throws Exception {
        int clients = 8;
        int rounds = 20;
        Path manifest = slotDir.resolve("race/index.m3u8");
        Set<String> payloads = ConcurrentHashMap.newKeySet();
        List<String> torn = new CopyOnWriteArrayList<>();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                HttpClient http = fx.tomcat.client();
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < rounds; round++) {
                        String payload = manifest(client, round);
                        payloads.add(payload);
                        HttpRequest put = HttpRequest.newBuilder(fx.tomcat.https("/push/acme/cam1/race/index.m3u8"))
                                .header("Authorization", basic(USER, PASSWORD))
                                .PUT(BodyPublishers.ofString(payload)).build();
                        statuses.add(http.send(put, BodyHandlers.discarding()).statusCode());
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    if (Files.exists(manifest)) {
                        String seen = Files.readString(manifest);
                        if (!isWholeManifest(seen)) {
                            torn.add(seen.length() + " characters");
                        }
                    }
                    Thread.sleep(1);
                }
                return null;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(45, TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).hasSize(clients * rounds).allMatch(status -> status == 201 || status == 204);
        assertThat(payloads).contains(Files.readString(manifest));
        assertThat(torn).as("a reader saw a partial or mixed manifest").isEmpty();
        assertThat(tempFiles(slotDir.resolve("race"))).isEmpty();
    }

    /** A distinct manifest of about 40 KB whose every line names its writer and round. */
    private static String manifest(int client, int round) {
        String line = "#EXTINF:2.000,writer-" + client + "-round-" + round + "\n";
        return "#EXTM3U\n" + line.repeat(40_000 / line.length()) + "#EXT-X-ENDLIST writer-" + client + "-round-"
                + round + "\n";
    }

    private static boolean isWholeManifest(String text) {
        int end = text.lastIndexOf("#EXT-X-ENDLIST writer-");
        if (!text.startsWith("#EXTM3U\n") || end < 0) {
            return false;
        }
        String id = text.substring(end + "#EXT-X-ENDLIST ".length()).strip();
        String[] parts = id.split("-");
        return text.equals(manifest(Integer.parseInt(parts[1]), Integer.parseInt(parts[3])));
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return fx.client.send(HttpRequest.newBuilder(fx.tomcat.https(path))
                .header("Authorization", basic(USER, PASSWORD))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build(), BodyHandlers.ofString());
    }

    /** PUTs one byte to a path sent exactly as given (no client-side normalisation); returns the status. */
    private static int putRaw(String path) throws Exception {
        try (SSLSocket socket = connect()) {
            socket.getOutputStream().write(head("PUT", path, "Content-Length: 1", "Connection: close"));
            socket.getOutputStream().write('x');
            socket.getOutputStream().flush();
            String statusLine = readStatusLines(socket.getInputStream()).stream().reduce((a, b) -> b).orElse("");
            return statusLine.length() >= 12 ? Integer.parseInt(statusLine.substring(9, 12)) : -1;
        }
    }

    private static List<String> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(fx.storage)) {
            return files.map(file -> fx.storage.relativize(file).toString()).sorted().toList();
        }
    }

    private static SSLSocket connect() throws Exception {
        SSLSocket socket = (SSLSocket) fx.tomcat.certificate().trustingContext().getSocketFactory()
                .createSocket("127.0.0.1", fx.tomcat.httpsPort());
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    private static byte[] head(String method, String path, String... headers) {
        StringBuilder head = new StringBuilder(method + " /live" + path + " HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(fx.tomcat.httpsPort()).append("\r\n")
                .append("Authorization: ").append(basic(USER, PASSWORD)).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one response head (status line and headers); empty when the server closed the connection first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** The status lines the server sends until it closes, goes quiet or sends a final (non-1xx) answer. */
    private static List<String> readStatusLines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try {
            while (true) {
                String head = readHead(in);
                if (head.isEmpty()) {
                    return lines;
                }
                String statusLine = head.lines().findFirst().orElse("");
                lines.add(statusLine);
                if (!statusLine.startsWith("HTTP/1.1 1")) {
                    return lines;
                }
            }
        } catch (SocketTimeoutException | SSLException e) {
            return lines;
        }
    }

    /** Every final status line the server sends until it closes the connection or goes quiet. */
    private static List<String> readAllStatusLines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            List<String> next = readStatusLines(in);
            if (next.isEmpty()) {
                return lines;
            }
            // Answers here carry no body (201, 204), so the next head follows at once.
            lines.add(next.get(next.size() - 1));
        }
    }

    private static List<Path> tempFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(".upload-")).toList();
        }
    }

    /** Waits up to 10 s until {@code directory} holds an upload temp file ({@code present}) or none. */
    private static void awaitTempFile(Path directory, boolean present) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (tempFiles(directory).isEmpty() == present) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(present ? "The upload never started in " + directory
                        : "A temp file is left in " + directory + ": " + tempFiles(directory));
            }
            Thread.sleep(20);
        }
    }
}
