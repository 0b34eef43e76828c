package io.livepush.bench;

import io.livepush.domain.Actor;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.security.PasswordHasher;
import io.livepush.service.AccountDraft;
import io.livepush.service.AccountService;
import io.livepush.service.NewCredential;
import io.livepush.service.PopDraft;
import io.livepush.service.PopRecord;
import io.livepush.service.PopService;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotService;
import io.livepush.store.Database;
import io.livepush.testing.LiveTomcat;
import io.livepush.testing.TestDatabases;
import io.livepush.testing.TestSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;

/**
 * The 500-reader benchmark of objects in flight (issue 12 §1), run by {@code bench/inflight-readers.sh}: how fast one
 * segment uploads while 0 or N viewers read it in flight. The real {@code live.war} runs in {@link LiveTomcat} with
 * one low-latency slot; an encoder sends a chunked {@code PUT} over HTTPS (keep-alive off, one socket per segment,
 * {@value #PIECE}-byte chunks as fast as the server takes them). Per round it sends the first piece, waits until the
 * upload is in flight, opens the readers (plain-HTTP {@code GET}s driven by one selector thread, each checking its
 * chunked framing and counting the payload) and waits for every reader's headers, then times the rest of the body up
 * to the {@code 201}. Rounds alternate 0 and N readers (A B A B) after a warm-up.
 * <p>
 * Prints one line per round and a summary: upload MB/s (the rest of the body divided by the time to the 201), the
 * time until the last reader had the whole segment, and how many readers got it complete (the terminating chunk and
 * exactly the segment's length). Client and server share one JVM and the machine's CPUs: the figures are for
 * comparing the two cases, not absolute.
 * <p>
 * Arguments: {@code workDir [readers=500] [segmentMiB=4] [rounds=3]}.
 */
public final class InFlightReadersBench {

    private static final Actor OPERATOR = Actor.operator("bench");
    private static final String USER = "llbench";
    private static final String PASSWORD = "bench-publish-secret";
    private static final int PIECE = 64 * 1024;

    private final LiveTomcat tomcat;
    private final Path slotDirectory;
    private final byte[] segment;

    private InFlightReadersBench(LiveTomcat tomcat, Path slotDirectory, byte[] segment) {
        this.tomcat = tomcat;
        this.slotDirectory = slotDirectory;
        this.segment = segment;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("Usage: InFlightReadersBench workDir [readers] [segmentMiB] [rounds]");
        }
        Path workDir = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int segmentMiB = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        TestSchema schema = TestDatabases.freshSchema();
        Database database = schema.openDatabase();
        Path storage = Files.createDirectories(workDir.resolve("storage"));
        LiveTomcat tomcat = null;
        try {
            createSlot(database);
            tomcat = LiveTomcat.start(schema.jdbcUrl(), workDir.resolve("tomcat"), Map.of("storage.root",
                    storage.toString(), "origin.nodeId", "bench-node", "origin.pop", "bench1",
                    "ingest.maxSegmentBytes", Long.toString(1L << 30)));
            awaitServed(tomcat);
            byte[] segment = new byte[segmentMiB * 1024 * 1024];
            new Random(42).nextBytes(segment);
            new InFlightReadersBench(tomcat, storage.resolve("acme/llbench"), segment).run(readers, rounds);
        } finally {
            if (tomcat != null) {
                tomcat.close();
            }
            database.close();
            schema.close();
        }
    }

    private void run(int readers, int rounds) throws Exception {
        System.out.printf(Locale.ROOT, "inflight-readers: segment %d bytes, %d readers, %d rounds, %d CPUs, "
                + "load average %s%n", segment.length, readers, rounds, Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        // Warm-up: the JIT sees both paths before anything is measured.
        round("warmup-0", 0);
        round("warmup-" + readers, readers);
        List<Result> results = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            results.add(round("round-" + r, 0));
            results.add(round("round-" + r, readers));
        }
        for (int count : List.of(0, readers)) {
            List<Result> of = results.stream().filter(result -> result.readers() == count).toList();
            double mbps = of.stream().mapToDouble(Result::uploadMbps).average().orElse(0);
            double uploadMs = of.stream().mapToDouble(Result::uploadMillis).average().orElse(0);
            double lastReaderMs = of.stream().mapToDouble(Result::lastReaderMillis).average().orElse(0);
            long complete = of.stream().mapToLong(Result::completeReaders).sum();
            System.out.printf(Locale.ROOT, "SUMMARY readers=%d upload_mb_s=%.1f upload_ms=%.1f last_reader_ms=%.1f "
                    + "complete_readers=%d/%d%n", count, mbps, uploadMs, lastReaderMs, complete,
                    (long) count * of.size());
        }
        System.out.printf(Locale.ROOT, "load average after: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private record Result(int readers, double uploadMillis, double uploadMbps, double lastReaderMillis,
            long completeReaders) {
    }

    private Result round(String label, int readerCount) throws Exception {
        String name = "seg_" + label + "_" + readerCount + ".m4s";
        try (SSLSocket encoder = (SSLSocket) tomcat.certificate().trustingContext().getSocketFactory()
                .createSocket("127.0.0.1", tomcat.httpsPort())) {
            encoder.setSoTimeout(120_000);
            encoder.setTcpNoDelay(true);
            OutputStream out = encoder.getOutputStream();
            out.write(("PUT /live/push/acme/llbench/" + name + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                    + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            writeChunk(out, 0, PIECE);
            out.flush();
            awaitInFlight(PIECE);
            try (Readers readers = new Readers(tomcat.httpPort(), "/live/play/acme/llbench/" + name, readerCount,
                    segment.length)) {
                readers.awaitHeaders();
                long start = System.nanoTime();
                for (int offset = PIECE; offset < segment.length; offset += PIECE) {
                    writeChunk(out, offset, Math.min(PIECE, segment.length - offset));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = statusLine(encoder.getInputStream());
                long uploaded = System.nanoTime();
                if (!status.contains(" 201 ")) {
                    throw new IllegalStateException("The upload of " + name + " answered " + status);
                }
                readers.awaitEnd(start);
                double uploadMillis = (uploaded - start) / 1e6;
                double mbps = (segment.length - PIECE) / 1048576.0 / ((uploaded - start) / 1e9);
                Result result = new Result(readerCount, uploadMillis, mbps, readers.lastEndMillis(),
                        readers.complete());
                System.out.printf(Locale.ROOT, "%s readers=%d upload_ms=%.1f upload_mb_s=%.1f last_reader_ms=%.1f "
                        + "complete_readers=%d/%d loadavg=%s%n", label, readerCount, uploadMillis, mbps,
                        result.lastReaderMillis(), result.completeReaders(), readerCount,
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                Files.delete(slotDirectory.resolve(name));
                return result;
            }
        }
    }

    /** One chunk in one write: three small writes would wait on Nagle's algorithm and delayed ACKs. */
    private void writeChunk(OutputStream out, int offset, int length) throws IOException {
        byte[] header = (Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[header.length + length + 2];
        System.arraycopy(header, 0, chunk, 0, header.length);
        System.arraycopy(segment, offset, chunk, header.length, length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        out.write(chunk);
    }

    private void awaitInFlight(long bytes) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(slotDirectory)) {
                if (files.anyMatch(file -> file.getFileName().toString().startsWith(".upload-")
                        && file.toFile().length() >= bytes)) {
                    return;
                }
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("The upload did not get in flight within 30 s");
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    /** N plain-HTTP readers of one path on one selector thread; each decodes its chunked body as it arrives. */
    private static final class Readers implements AutoCloseable {
        private final Selector selector = Selector.open();
        private final List<Reader> readers = new ArrayList<>();
        private final long expected;

        Readers(int port, String path, int count, long expected) throws IOException {
            this.expected = expected;
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                ByteBuffer out = ByteBuffer.wrap(request);
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                channel.configureBlocking(false);
                Reader reader = new Reader(channel);
                channel.register(selector, SelectionKey.OP_READ, reader);
                readers.add(reader);
            }
        }

        void awaitHeaders() throws IOException {
            loop(reader -> reader.headersDone, 0);
        }

        void awaitEnd(long start) throws IOException {
            loop(reader -> reader.ended, start);
        }

        double lastEndMillis() {
            return readers.stream().mapToLong(reader -> reader.endNanos).max().orElse(0) / 1e6;
        }

        long complete() {
            return readers.stream().filter(reader -> reader.complete && reader.payload == expected).count();
        }

        private void loop(java.util.function.Predicate<Reader> done, long start) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!readers.stream().allMatch(done)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Readers did not finish within 120 s");
                }
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    Reader reader = (Reader) key.attachment();
                    buffer.clear();
                    int read = reader.channel.read(buffer);
                    if (read < 0) {
                        reader.end(false, start);
                        key.cancel();
                        continue;
                    }
                    buffer.flip();
                    reader.consume(buffer, start);
                    if (reader.ended) {
                        key.cancel();
                    }
                }
                selector.selectedKeys().clear();
            }
        }

        @Override
        public void close() throws IOException {
            for (Reader reader : readers) {
                reader.channel.close();
            }
            selector.close();
        }
    }

    /** One reader's parser: the header block, then chunk-size lines, payload and CRLFs. */
    private static final class Reader {
        final SocketChannel channel;
        final StringBuilder line = new StringBuilder();
        boolean headersDone;
        boolean inChunkData;
        long chunkLeft;
        boolean expectCrlf;
        long payload;
        boolean ended;
        boolean complete;
        long endNanos;

        Reader(SocketChannel channel) {
            this.channel = channel;
        }

        void consume(ByteBuffer bytes, long start) {
            while (bytes.hasRemaining() && !ended) {
                if (inChunkData) {
                    int take = (int) Math.min(chunkLeft, bytes.remaining());
                    bytes.position(bytes.position() + take);
                    chunkLeft -= take;
                    payload += take;
                    if (chunkLeft == 0) {
                        inChunkData = false;
                        expectCrlf = true;
                    }
                    continue;
                }
                char c = (char) bytes.get();
                if (c != '\n') {
                    if (c != '\r') {
                        line.append(c);
                    }
                    continue;
                }
                String text = line.toString();
                line.setLength(0);
                if (!headersDone) {
                    if (text.isEmpty()) {
                        headersDone = true;
                    } else if (text.startsWith("HTTP/") && !text.contains(" 200 ")) {
                        end(false, start);
                    }
                } else if (expectCrlf) {
                    expectCrlf = false;
                } else {
                    long size = Long.parseLong(text.split(";")[0].trim(), 16);
                    if (size == 0) {
                        end(true, start);
                    } else {
                        chunkLeft = size;
                        inChunkData = true;
                    }
                }
            }
        }

        void end(boolean terminated, long start) {
            if (!ended) {
                ended = true;
                complete = terminated;
                endNanos = System.nanoTime() - start;
            }
        }
    }

    private static void createSlot(Database database) {
        Clock clock = Clock.systemUTC();
        new AccountService(database, clock).create(OPERATOR, new AccountDraft("acme", "Acme", 1_000_000,
                Map.of(SlotType.LIVE_PUSH, 1)));
        PopRecord pop = new PopService(database, clock).create(OPERATOR, new PopDraft("bench1", Region.EUROPE,
                "https://127.0.0.1/live", "http://127.0.0.1/live"));
        new SlotService(database, PasswordHasher.standard(), clock).create(OPERATOR, "acme", new SlotDraft(USER, null,
                SlotType.LIVE_PUSH, Region.EUROPE, pop.id(), null, false, 8000, 2000, 300, true,
                List.of(new NewCredential(USER, PASSWORD)), List.of(), List.of(), null, null));
    }

    private static void awaitServed(LiveTomcat tomcat) throws Exception {
        HttpClient client = tomcat.client();
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (client.send(HttpRequest.newBuilder(tomcat.https("/push/acme/" + USER + "/probe.ts"))
                .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() != 404) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The node did not serve the bench slot within 60 s");
            }
            Thread.sleep(200);
        }
    }
}
