package io.livepush.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of another JVM by class, from {@code jcmd <pid> GC.class_histogram} (which runs a full collection
 * first), with {@code GC.heap_info}'s used figure read right after that collection. The raw output is kept in a file.
 *
 * @param bytesByClass   live bytes per class name
 * @param countByClass   live instances per class name
 * @param totalBytes     the histogram's total
 * @param heapInfoUsedMb {@code GC.heap_info}'s "used", in MiB
 */
record HeapHistogram(Map<String, Long> bytesByClass, Map<String, Long> countByClass, long totalBytes,
        double heapInfoUsedMb) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** Takes the histogram of process {@code pid} and writes jcmd's output to {@code file}. */
    static HeapHistogram of(long pid, Path file) throws IOException, InterruptedException {
        String histogram = Jcmd.run(pid, "GC.class_histogram");
        String heapInfo = Jcmd.run(pid, "GC.heap_info");
        Files.writeString(file, histogram + "\n" + heapInfo, StandardCharsets.UTF_8);
        Map<String, Long> bytes = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        long total = 0;
        for (String line : histogram.split("\n")) {
            Matcher row = ROW.matcher(line);
            Matcher sum = TOTAL.matcher(line);
            if (row.find()) {
                bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
                counts.merge(row.group(3), Long.parseLong(row.group(1)), Long::sum);
            } else if (sum.find()) {
                total = Long.parseLong(sum.group(1));
            }
        }
        Matcher used = USED.matcher(heapInfo);
        return new HeapHistogram(bytes, counts, total, used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1);
    }

    /** Prints the {@code top} classes whose live bytes grew most from {@code before} to {@code after}. */
    static void printGrowth(HeapHistogram before, HeapHistogram after, int held, int top) {
        long total = after.totalBytes() - before.totalBytes();
        System.out.printf(Locale.ROOT, "  %12s %10s %10s %7s  %s%n", "bytes", "instances", "B/held", "share", "class");
        after.bytesByClass().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.bytesByClass().getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %12d %10d %10.1f %6.1f%%  %s%n", e.getValue(),
                        after.countByClass().getOrDefault(e.getKey(), 0L)
                                - before.countByClass().getOrDefault(e.getKey(), 0L),
                        (double) e.getValue() / held, 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }
}
