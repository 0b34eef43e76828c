package io.livepush.testing;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * How many instances of a class are alive in a HotSpot JVM, from its class histogram ({@code GC.class_histogram},
 * which collects garbage first): this JVM through its {@code DiagnosticCommand} MBean, another one through the
 * {@code jcmd} of the JDK that runs the tests.
 */
public final class ClassHistogram {

    private ClassHistogram() {
    }

    /** Live instances of {@code type} in this JVM. */
    public static long liveInstances(Class<?> type) throws JMException {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        return instances(histogram, type.getName());
    }

    /** Live instances of the class named {@code className} in the JVM with process id {@code pid}. */
    public static long liveInstances(long pid, String className) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.class_histogram failed: " + histogram);
        }
        return instances(histogram, className);
    }

    /** Lines such as {@code "  11:   10009   1840184  org.apache.catalina.connector.Request"}. */
    private static long instances(String histogram, String className) {
        return histogram.lines().map(String::trim).filter(line -> line.endsWith(" " + className))
                .mapToLong(line -> Long.parseLong(line.split("\\s+")[1])).sum();
    }
}
