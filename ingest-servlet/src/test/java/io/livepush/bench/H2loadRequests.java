package io.livepush.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * N identical {@code GET}s over HTTP/2 (h2c with prior knowledge), 100 streams per connection, sent by
 * {@code h2load} (Debian {@code nghttp2-client}), the way a player that blocks its reloads reaches an origin. h2load's
 * {@code --log-file} gives each request's start (microseconds since the epoch), status and duration, so an answer's
 * time here is when its last byte arrived (where {@link HeldRequests} takes its first byte), read once h2load exits.
 */
final class H2loadRequests implements HeldAnswers {

    private static final int STREAMS_PER_CONNECTION = 100;

    private final Process process;
    private final Path log;
    private final int count;
    private final long openedNanos = System.nanoTime();
    private final long openedEpochMicros = Instant.EPOCH.until(Instant.now(), ChronoUnit.MICROS);
    private List<long[]> rows;

    private H2loadRequests(Process process, Path log, int count) {
        this.process = process;
        this.log = log;
        this.count = count;
    }

    /**
     * Starts h2load with {@code count} requests for {@code path} on {@code port} of the loopback; its report goes to
     * {@code output}, its per-request log beside it.
     */
    static H2loadRequests open(int port, String path, int count, Path output) throws IOException {
        int connections = Math.max(1, (count + STREAMS_PER_CONNECTION - 1) / STREAMS_PER_CONNECTION);
        Path log = output.resolveSibling(output.getFileName() + ".log");
        Process process = new ProcessBuilder("h2load", "-n", Integer.toString(count), "-c",
                Integer.toString(connections), "-m", Integer.toString(STREAMS_PER_CONNECTION), "-t", "1",
                "--log-file=" + log, "-H", "User-Agent: held-reloads-bench", "http://127.0.0.1:" + port + path)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new H2loadRequests(process, log, count);
    }

    @Override
    public int answered() {
        return rows().size();
    }

    @Override
    public void awaitAll(long millis) throws InterruptedException {
        process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public List<Double> latenciesMillis(long since) {
        long sinceEpochMicros = openedEpochMicros + (since - openedNanos) / 1_000;
        List<Double> millis = new ArrayList<>();
        for (long[] row : rows()) {
            if (row[1] > 0) {
                millis.add((row[0] + row[2] - sinceEpochMicros) / 1e3);
            }
        }
        return millis;
    }

    @Override
    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        List<long[]> answers = rows();
        for (long[] row : answers) {
            counts.merge((int) row[1], 1, Integer::sum);
        }
        if (answers.size() < count) {
            counts.put(0, count - answers.size());
        }
        return counts;
    }

    /** h2load's log rows (start in epoch microseconds, status or -1, duration in microseconds); none while it runs. */
    private List<long[]> rows() {
        if (process.isAlive()) {
            return List.of();
        }
        if (rows == null) {
            try {
                rows = Files.readAllLines(log).stream().filter(line -> !line.isBlank())
                        .map(line -> line.split("\t"))
                        .map(columns -> new long[] {Long.parseLong(columns[0]), Long.parseLong(columns[1]),
                                Long.parseLong(columns[2])})
                        .toList();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read h2load's log " + log, e);
            }
        }
        return rows;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
