package io.livepush.bench;

import io.livepush.testing.Percentiles;
import io.livepush.testing.SelfSignedCertificate;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The held LL-HLS playlist request benchmark (issue 15), run by {@code bench/held-reloads.sh} against a
 * {@link HeldReloadsBenchServer} in another JVM. Per round: a full GC and a class histogram of the server
 * ({@code jcmd GC.class_histogram}, which collects first) with nothing held; then N blocking reloads
 * ({@code GET …/index.m3u8?_HLS_msn=<next>}, one HTTP/1.1 keep-alive connection each, see {@link HeldRequests}) until
 * the server's {@code livepush_playback_llhls_held_requests} gauge says all are held; the same histogram again; then
 * one {@code PUT} of the playlist that has segment {@code next}, and the time from that {@code PUT}'s answer (and from
 * its start) to the first byte of every held answer. A warm-up round with a tenth of the requests comes first.
 * <p>
 * Prints per round: the server's live heap before and while holding (the histogram totals, and {@code GC.heap_info}
 * after that collection), bytes per held request, the {@code PUT}'s duration, release latency p50/p99/max, the
 * server's CPU time from the {@code PUT} to the last answer, and the statuses; then the classes whose live bytes grew
 * most, per held request. Client and server share the machine's CPUs, and one client thread takes every answer in
 * turn, so the latency includes the client's own queueing.
 * <p>
 * With {@code h2} as the last argument the held requests go over HTTP/2 instead ({@link H2loadRequests}), and an
 * answer's time is its last byte rather than its first.
 * <p>
 * Arguments: {@code propertiesFile workDir [held=10000] [rounds=3] [targetDuration=10] [h1|h2]}.
 */
public final class HeldReloadsBench {

    private static final long HELD_WAIT_NANOS = 120_000_000_000L;

    private final Properties server;
    private final Path workDir;
    private final int targetDuration;
    private final boolean http2;
    private final HttpClient client;
    private final String authorization;
    private long lastMsn = 5;

    private HeldReloadsBench(Properties server, Path workDir, int targetDuration, boolean http2) throws Exception {
        this.server = server;
        this.workDir = workDir;
        this.targetDuration = targetDuration;
        this.http2 = http2;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(new SelfSignedCertificate(Path.of(server.getProperty("keystore")),
                        server.getProperty("keystorePassword")).trustingContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.authorization = server.getProperty("authorization");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("Usage: HeldReloadsBench propertiesFile workDir [held] [rounds] "
                    + "[targetDuration] [h1|h2]");
        }
        Properties server = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            server.load(reader);
        }
        int held = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int targetDuration = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        boolean http2 = args.length > 5 && args[5].equals("h2");
        new HeldReloadsBench(server, Files.createDirectories(Path.of(args[1])), targetDuration, http2).run(held, rounds);
    }

    private void run(int held, int rounds) throws Exception {
        System.out.printf(Locale.ROOT, "held-reloads: %d held requests (%s), %d rounds, "
                + "target duration %d s, %d CPUs, load average %s%n", held, http2
                        ? "HTTP/2 h2c by h2load, 100 streams per connection; a release is an answer's last byte"
                        : "HTTP/1.1, one connection each", rounds, targetDuration,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        publish(lastMsn);
        round("warmup", Math.max(1, held / 10));
        List<Result> results = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            results.add(round("round-" + r, held));
        }
        System.out.printf(Locale.ROOT, "SUMMARY held=%d heap_growth_mb=%.1f (max %.1f) bytes_per_held=%.0f "
                + "put_ms=%.2f release_from_put_answer_ms p50=%.2f p99=%.2f max=%.2f (worst round p99=%.2f max=%.2f) "
                + "answered_200=%d/%d%n", held,
                results.stream().mapToDouble(Result::growthMb).average().orElse(0),
                results.stream().mapToDouble(Result::growthMb).max().orElse(0),
                results.stream().mapToDouble(Result::bytesPerHeld).average().orElse(0),
                results.stream().mapToDouble(Result::putMillis).average().orElse(0),
                results.stream().mapToDouble(Result::p50).average().orElse(0),
                results.stream().mapToDouble(Result::p99).average().orElse(0),
                results.stream().mapToDouble(Result::max).average().orElse(0),
                results.stream().mapToDouble(Result::p99).max().orElse(0),
                results.stream().mapToDouble(Result::max).max().orElse(0),
                results.stream().mapToInt(Result::ok).sum(), (long) held * rounds);
        Result last = results.get(results.size() - 1);
        System.out.println("Live heap growth by class while holding (last round, GC.class_histogram after - before):");
        HeapHistogram.printGrowth(last.before(), last.during(), held, 20);
        System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    }

    private record Result(double growthMb, double bytesPerHeld, double putMillis, double p50, double p99, double max,
            int ok, HeapHistogram before, HeapHistogram during) {
    }

    private Result round(String label, int count) throws Exception {
        long next = lastMsn + 1;
        HeapHistogram before = histogram(label + "-before");
        String path = "/live/play/" + server.getProperty("slot") + "/index.m3u8?_HLS_msn=" + next;
        int port = Integer.parseInt(server.getProperty("httpPort"));
        try (HeldAnswers requests = http2 ? H2loadRequests.open(port, path, count, workDir.resolve(label + ".h2load"))
                : HeldRequests.open(port, path, count)) {
            long opened = System.nanoTime();
            awaitHeld(count);
            double openSeconds = (System.nanoTime() - opened) / 1e9;
            HeapHistogram during = histogram(label + "-held");
            int early = requests.answered();
            profiler("start,event=cpu,interval=200us");
            long cpuBefore = serverCpuMillis();
            long start = System.nanoTime();
            publish(next);
            long answered = System.nanoTime();
            requests.awaitAll(60_000);
            long releaseCpu = serverCpuMillis() - cpuBefore;
            profiler("stop,file=" + workDir.resolve(label + "-release.collapsed") + ",collapsed");
            List<Double> fromAnswer = requests.latenciesMillis(answered);
            List<Double> fromStart = requests.latenciesMillis(start);
            long growth = during.totalBytes() - before.totalBytes();
            Result result = new Result(growth / 1048576.0, (double) growth / count, (answered - start) / 1e6,
                    Percentiles.percentile(fromAnswer, 0.50), Percentiles.percentile(fromAnswer, 0.99),
                    fromAnswer.stream().mapToDouble(Double::doubleValue).max().orElse(0), requests.status(200),
                    before, during);
            System.out.printf(Locale.ROOT, "%s held=%d held_after_s=%.1f live_heap_mb before=%.1f held=%.1f "
                    + "growth=%.1f bytes_per_held=%.0f heap_info_used_mb before=%.1f held=%.1f answered_early=%d "
                    + "put_ms=%.2f release_ms from_put_answer p50=%.2f p99=%.2f max=%.2f from_put_start p50=%.2f "
                    + "p99=%.2f max=%.2f server_cpu_ms=%d (%.1f us per answer) statuses=%s loadavg=%s%n", label, count,
                    openSeconds,
                    before.totalBytes() / 1048576.0, during.totalBytes() / 1048576.0, result.growthMb(),
                    result.bytesPerHeld(), before.heapInfoUsedMb(), during.heapInfoUsedMb(), early,
                    result.putMillis(), result.p50(), result.p99(), result.max(),
                    Percentiles.percentile(fromStart, 0.50), Percentiles.percentile(fromStart, 0.99),
                    fromStart.stream().mapToDouble(Double::doubleValue).max().orElse(0), releaseCpu,
                    1000.0 * releaseCpu / count, requests.statuses(),
                    loadAverage().split(" ")[0]);
            return result;
        }
    }

    private HeapHistogram histogram(String label) throws Exception {
        return HeapHistogram.of(serverPid(), workDir.resolve(label + ".histo"));
    }

    private long serverPid() {
        return Long.parseLong(server.getProperty("pid"));
    }

    /**
     * The server's CPU time so far (user + system, from {@code /proc/<pid>/stat}, in clock ticks of 10 ms). Release
     * covers the {@code PUT} and every answer, and the time the server spends on the client's connections meanwhile.
     */
    private long serverCpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + serverPid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of proc(5), counted after the command name in parentheses (field 2).
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /**
     * Sends {@code command} to async-profiler in the server (loaded on first use) when {@code ASYNC_PROFILER} names
     * its {@code libasyncProfiler.so}: the release of each round is profiled to {@code <round>-release.collapsed}.
     */
    private void profiler(String command) throws Exception {
        String library = System.getenv("ASYNC_PROFILER");
        if (library != null && !library.isEmpty()) {
            Jcmd.run(serverPid(), "JVMTI.agent_load", library, "\"" + command + "\"");
        }
    }

    /** Waits until the server's gauge says {@code count} requests are held. */
    private void awaitHeld(int count) throws Exception {
        URI metrics = URI.create("https://127.0.0.1:" + server.getProperty("httpsPort") + "/live/metrics");
        long deadline = System.nanoTime() + HELD_WAIT_NANOS;
        long held = -1;
        while (System.nanoTime() < deadline) {
            String text = client.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            held = text.lines().filter(line -> line.startsWith("livepush_playback_llhls_held_requests"))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElse(-1);
            if (held >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Only " + held + " of " + count + " requests were held after 120 s");
    }

    /** Publishes the playlist whose last segment is {@code msn} over HTTPS, as an encoder would. */
    private void publish(long msn) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                        + server.getProperty("httpsPort") + "/live/push/" + server.getProperty("slot") + "/index.m3u8"))
                .header("Authorization", authorization)
                .PUT(HttpRequest.BodyPublishers.ofString(playlist(msn))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 204) {
            throw new IllegalStateException("The playlist upload answered " + response.statusCode());
        }
        lastMsn = msn;
    }

    /** A live playlist offering blocking reloads with the six segments up to {@code last}. */
    private String playlist(long last) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:" + targetDuration
                + "\n#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES\n#EXT-X-MEDIA-SEQUENCE:" + (last - 5) + "\n");
        for (long msn = last - 5; msn <= last; msn++) {
            text.append("#EXTINF:").append(targetDuration).append(".000000,\nseg_").append(msn).append(".m4s\n");
        }
        return text.toString();
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
