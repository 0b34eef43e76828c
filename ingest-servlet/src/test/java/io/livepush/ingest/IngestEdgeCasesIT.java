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
