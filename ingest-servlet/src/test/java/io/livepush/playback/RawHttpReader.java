package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A playback request on a plain socket that reads the answer exactly as it arrives, so a test can tell a response
 * that ended with its terminating chunk (or its full {@code Content-Length}) from one the server cut off: the two look
 * the same to {@code java.net.http}, which reports either as an I/O error or hides the framing.
 */
final class RawHttpReader implements AutoCloseable {

    /** How the body ended. */
    enum End {
        /** The terminating {@code 0} chunk, or every byte of the {@code Content-Length}, arrived. */
        COMPLETE,
        /** The connection closed or was reset before that. */
        CUT
    }

    private final Socket socket;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final CompletableFuture<Map<String, String>> headers = new CompletableFuture<>();
    private final CompletableFuture<End> end = new CompletableFuture<>();
    private volatile int status;

    private RawHttpReader(Socket socket) {
        this.socket = socket;
    }

    /** Sends {@code method path} (with {@code extraHeaders}, each ending in CRLF) and reads the answer on a thread. */
    static RawHttpReader open(int port, String method, String path, String extraHeaders) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
        RawHttpReader reader = new RawHttpReader(socket);
        OutputStream out = socket.getOutputStream();
        out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + extraHeaders + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread thread = new Thread(() -> reader.read(!"HEAD".equals(method)), "raw-reader");
        thread.setDaemon(true);
        thread.start();
        return reader;
    }

    private void read(boolean hasBody) {
        try {
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            headers.complete(fields);
            if (!hasBody) {
                end.complete(End.COMPLETE);
            } else if ("chunked".equalsIgnoreCase(fields.get("transfer-encoding"))) {
                readChunks(in);
            } else {
                readLength(in, Long.parseLong(fields.getOrDefault("content-length", "0")));
            }
        } catch (IOException | RuntimeException e) {
            headers.completeExceptionally(e);
            end.complete(End.CUT);
        }
    }

    private void readChunks(InputStream in) throws IOException {
        while (true) {
            String sizeLine = line(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                line(in);
                end.complete(End.COMPLETE);
                return;
            }
            byte[] chunk = in.readNBytes(size);
            append(chunk);
            if (chunk.length < size) {
                end.complete(End.CUT);
                return;
            }
            line(in);
        }
    }

    private void readLength(InputStream in, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                end.complete(End.CUT);
                return;
            }
            append(Arrays.copyOf(buffer, read));
            left -= read;
        }
        end.complete(End.COMPLETE);
    }

    private void append(byte[] bytes) {
        synchronized (body) {
            body.write(bytes, 0, bytes.length);
            body.notifyAll();
        }
    }

    /** A CRLF-terminated line; EOF in the middle is an {@link IOException}. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) {
                throw new IOException("Connection closed mid-line after [" + line + "]");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    int status() throws Exception {
        headers.get(30, TimeUnit.SECONDS);
        return status;
    }

    /** The answer's header fields, names in lower case. */
    Map<String, String> headers() throws Exception {
        return headers.get(30, TimeUnit.SECONDS);
    }

    /** Waits until at least {@code count} body bytes arrived; returns them all. */
    byte[] awaitBytes(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (body) {
            while (body.size() < count && !end.isDone()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                body.wait(left);
            }
            assertThat(body.size()).as("body bytes received within " + limit).isGreaterThanOrEqualTo(count);
            return body.toByteArray();
        }
    }

    /** Waits for the end of the body. */
    End awaitEnd(Duration limit) throws Exception {
        return end.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the body has ended (either way). */
    boolean ended() {
        return end.isDone();
    }

    byte[] body() {
        synchronized (body) {
            return body.toByteArray();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
