package io.livepush.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N identical {@code GET}s, each on its own HTTP/1.1 keep-alive connection, whose answers one selector thread waits
 * for: per connection it records when the first byte of the answer arrived and its status code, then stops watching
 * it (the rest of the answer is left unread; the connection closes with this object).
 */
final class HeldRequests implements HeldAnswers {

    private final Selector selector = Selector.open();
    private final List<SocketChannel> channels = new ArrayList<>();
    private final long[] firstByteNanos;
    private final int[] statuses;
    private final AtomicInteger answered = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closed;

    private HeldRequests(int count) throws IOException {
        firstByteNanos = new long[count];
        statuses = new int[count];
        thread = new Thread(this::watch, "held-requests");
        thread.setDaemon(true);
    }

    /** Connects {@code count} times to {@code port} on the loopback and sends {@code GET path} on each. */
    static HeldRequests open(int port, String path, int count) throws IOException {
        HeldRequests requests = new HeldRequests(count);
        requests.thread.start();
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: held-reloads-bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(address);
                requests.channels.add(channel);
                channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                ByteBuffer out = ByteBuffer.wrap(request);
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                channel.configureBlocking(false);
                channel.register(requests.selector, SelectionKey.OP_READ, i);
                if ((i + 1) % 2000 == 0) {
                    System.err.printf("%d requests sent after %.1f s%n", i + 1, (System.nanoTime() - start) / 1e9);
                }
            }
        } catch (IOException | RuntimeException e) {
            requests.close();
            throw e;
        }
        requests.selector.wakeup();
        return requests;
    }

    @Override
    public int answered() {
        return answered.get();
    }

    @Override
    public void awaitAll(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (answered.get() < firstByteNanos.length && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    @Override
    public List<Double> latenciesMillis(long since) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < firstByteNanos.length; i++) {
            if (statuses[i] != 0) {
                millis.add((firstByteNanos[i] - since) / 1e6);
            }
        }
        return millis;
    }

    @Override
    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int s : statuses) {
            counts.merge(s, 1, Integer::sum);
        }
        return counts;
    }

    private void watch() {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        try {
            while (!closed) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    long now = System.nanoTime();
                    int index = (Integer) key.attachment();
                    buffer.clear();
                    int read = ((SocketChannel) key.channel()).read(buffer);
                    if (read == 0) {
                        continue;
                    }
                    firstByteNanos[index] = now;
                    statuses[index] = read < 0 ? -1 : status(buffer);
                    key.cancel();
                    answered.incrementAndGet();
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The status code of an answer whose first bytes are in {@code buffer} ("HTTP/1.1 200 …"). */
    private static int status(ByteBuffer buffer) {
        buffer.flip();
        String head = StandardCharsets.US_ASCII.decode(buffer).toString();
        int space = head.indexOf(' ');
        try {
            return space < 0 || head.length() < space + 4 ? -2 : Integer.parseInt(head.substring(space + 1,
                    space + 4));
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SocketChannel channel : channels) {
            channel.close();
        }
        selector.close();
    }
}
