package io.livepush.bench;

import com.sun.management.OperatingSystemMXBean;
import io.livepush.segment.ExpiryIndex;
import io.livepush.segment.ExpirySweep;
import io.livepush.segment.SegmentStore;
import io.livepush.segment.StaleUploads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The expiry benchmark behind {@code bench/expiry.sh} (not a test): {@code slots × files} empty segments plus a
 * playlist per slot on disk, modification times spread so that {@code rate} files come due per second. It measures the
 * startup scan, the heap the index holds, the sweep in a steady state (an encoder thread publishing {@code rate}
 * segments and playlists per second through {@link SegmentStore} while the sweep deletes {@code rate} per second), and
 * sweeps with growing numbers of due files. The report goes to the file named by the first argument.
 * <p>
 * Arguments: {@code report-file storage-dir [slots] [files-per-slot] [rate] [steady-seconds]}.
 */
public final class ExpiryBench {

    private static final String SHORTNAME = "bench";

    private final Path storage;
    private final int slots;
    private final int filesPerSlot;
    private final int rate;
    private final int expirySeconds;
    private final List<String> report = new ArrayList<>();

    private ExpiryBench(Path storage, int slots, int filesPerSlot, int rate) {
        this.storage = storage;
        this.slots = slots;
        this.filesPerSlot = filesPerSlot;
        this.rate = rate;
        // Every file's due time lies in the future, spread over the whole expiry: rate files per second.
        this.expirySeconds = slots * filesPerSlot / rate + 60;
    }

    public static void main(String[] args) throws Exception {
        Path reportFile = Path.of(args[0]);
        ExpiryBench bench = new ExpiryBench(Path.of(args[1]), argument(args, 2, 1000), argument(args, 3, 1000),
                argument(args, 4, 100));
        try {
            bench.run(argument(args, 5, 60));
        } finally {
            Files.write(reportFile, bench.report, StandardCharsets.UTF_8);
        }
    }

    private static int argument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private void run(int steadySeconds) throws Exception {
        line("load average before: %.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line("slots=%d files/slot=%d expiring rate=%d/s expiry=%d s jvm=%s heap max=%d MB cpus=%d", slots,
                filesPerSlot, rate, expirySeconds, Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        Instant reference = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        createFiles(reference);

        long heapBefore = usedHeapAfterGc();
        ExpiryIndex index = new ExpiryIndex(storage);
        long cpu0 = threadCpu();
        ExpiryIndex.ScanResult scan = index.scan(new StaleUploads(Instant.now()));
        line("startup scan: %d files, %d slots in %d ms (thread CPU %d ms)", scan.files(), scan.slots(),
                scan.millis(), (threadCpu() - cpu0) / 1_000_000);
        long heapIndexed = usedHeapAfterGc();
        line("heap growth for the index: %.1f MB (%.1f bytes/entry; index estimate %.1f MB), %d queued entries",
                mb(heapIndexed - heapBefore), (heapIndexed - heapBefore) / (double) index.size(),
                mb(index.estimatedBytes()), index.size());

        // The sweep's clock starts at the reference time, when the first files come due.
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), reference));
        ExpirySweep sweep = new ExpirySweep(index, (shortname, slot) -> OptionalInt.of(expirySeconds), clock);
        SegmentStore store = new SegmentStore(storage);
        store.addListener(index);
        idleSweeps(index);
        steadyState(store, sweep, steadySeconds);
        line("heap after the steady state: %.1f MB over the empty baseline, %d queued entries",
                mb(usedHeapAfterGc() - heapBefore), index.size());
        backlogSweeps(index, clock.instant());
    }

    private void createFiles(Instant reference) throws IOException {
        long start = System.nanoTime();
        long firstMtime = reference.getEpochSecond() - expirySeconds;
        for (int s = 0; s < slots; s++) {
            Path rendition = Files.createDirectories(slot(s).resolve("720p"));
            for (int f = 0; f < filesPerSlot; f++) {
                Path file = rendition.resolve("segment_%06d.m4s".formatted(f));
                if (!Files.exists(file)) {
                    Files.createFile(file);
                }
                long global = (long) f * slots + s;
                Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(firstMtime + global / rate)));
            }
            Path playlist = rendition.resolve("index.m3u8");
            Files.writeString(playlist, "#EXTM3U\n");
        }
        line("created/touched %d files in %d s", (long) slots * (filesPerSlot + 1),
                (System.nanoTime() - start) / 1_000_000_000L);
    }

    /** Sweeps when nothing is due: the fixed cost of looking at every slot's queue head. */
    private void idleSweeps(ExpiryIndex index) {
        ExpirySweep idle = new ExpirySweep(index, (shortname, slot) -> OptionalInt.of(expirySeconds),
                Clock.fixed(Instant.EPOCH.plusSeconds(expirySeconds + 1L), ZoneOffset.UTC));
        List<Long> nanos = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long cpu0 = threadCpu();
            long start = System.nanoTime();
            idle.run();
            nanos.add(System.nanoTime() - start);
            cpu.add(threadCpu() - cpu0);
        }
        line("sweep with 0 files due over %d indexed in %d slots: wall median %.3f ms, p99 %.3f ms;"
                + " thread CPU median %.3f ms", index.size(), slots, median(nanos), percentile(nanos, 0.99),
                median(cpu));
    }

    private void steadyState(SegmentStore store, ExpirySweep sweep, int seconds) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ScheduledExecutorService encoder = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor();
        AtomicLong written = new AtomicLong();
        List<long[]> runs = Collections.synchronizedList(new ArrayList<>());
        long processCpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        encoder.scheduleAtFixedRate(() -> publish(store, written), 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        expiry.scheduleWithFixedDelay(() -> {
            long cpu = threadCpu();
            long start = System.nanoTime();
            ExpirySweep.Result result = sweep.run();
            runs.add(new long[] {System.nanoTime() - start, threadCpu() - cpu, result.deleted()});
        }, 1, 1, TimeUnit.SECONDS);
        Thread.sleep(seconds * 1000L);
        encoder.shutdown();
        expiry.shutdown();
        encoder.awaitTermination(10, TimeUnit.SECONDS);
        expiry.awaitTermination(10, TimeUnit.SECONDS);
        double wallSeconds = (System.nanoTime() - wall0) / 1e9;
        List<Long> nanos = runs.stream().map(run -> run[0]).toList();
        long sweepCpu = runs.stream().mapToLong(run -> run[1]).sum();
        long deleted = runs.stream().mapToLong(run -> run[2]).sum();
        line("steady state %.0f s: %d sweeps deleted %d files (%.1f/s), encoder published %d segments + as many"
                + " playlists", wallSeconds, runs.size(), deleted, deleted / wallSeconds, written.get());
        List<Long> cpus = runs.stream().map(run -> run[1]).toList();
        line("  sweep wall time: median %.3f ms, p99 %.3f ms, max %.3f ms; sweep CPU: median %.3f ms, max %.3f ms",
                median(nanos), percentile(nanos, 0.99), percentile(nanos, 1.0), median(cpus), percentile(cpus, 1.0));
        line("  sweep thread CPU: %.3f%% of one core (%.1f ms in total); whole process incl. the publishing"
                + " thread: %.2f%% of one core", 100.0 * sweepCpu / (wallSeconds * 1e9), sweepCpu / 1e6,
                100.0 * (os.getProcessCpuTime() - processCpu0) / (wallSeconds * 1e9));
    }

    private void publish(SegmentStore store, AtomicLong written) {
        long n = written.getAndIncrement();
        Path rendition = slot((int) (n % slots)).resolve("720p");
        try {
            store.write(rendition.resolve("live_%09d.m4s".formatted(n)), new ByteArrayInputStream(new byte[0]), 1,
                    true);
            store.write(rendition.resolve("index.m3u8"),
                    new ByteArrayInputStream("#EXTM3U\n".getBytes(StandardCharsets.UTF_8)), 64, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sweeps with 100 to 100 000 files due at once (the clock jumps ahead): the cost should grow with the due count
     * only.
     */
    private void backlogSweeps(ExpiryIndex index, Instant sweptUntil) {
        Instant until = sweptUntil;
        new ExpirySweep(index, (shortname, slot) -> OptionalInt.of(expirySeconds), Clock.fixed(until, ZoneOffset.UTC))
                .run();
        for (int due : new int[] {100, 1_000, 10_000, 100_000}) {
            until = until.plusSeconds(due / rate);
            ExpirySweep sweep = new ExpirySweep(index, (shortname, slot) -> OptionalInt.of(expirySeconds),
                    Clock.fixed(until, ZoneOffset.UTC));
            long start = System.nanoTime();
            ExpirySweep.Result result = sweep.run();
            long nanos = System.nanoTime() - start;
            line("backlog sweep: %d due, %d deleted in %.1f ms = %.1f us per due file", result.due(),
                    result.deleted(), nanos / 1e6, result.due() == 0 ? 0.0 : nanos / 1e3 / result.due());
        }
    }

    private Path slot(int s) {
        return storage.resolve(SHORTNAME).resolve("slot-%04d".formatted(s));
    }

    private static long threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getCurrentThreadCpuTime();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static double median(List<Long> nanos) {
        return percentile(nanos, 0.5);
    }

    private static double percentile(List<Long> nanos, double fraction) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private void line(String format, Object... values) {
        report.add(String.format(Locale.ROOT, format, values));
    }
}
