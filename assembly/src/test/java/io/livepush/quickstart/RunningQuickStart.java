package io.livepush.quickstart;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The quick-start jar started as a user starts it, on two free ports, until {@link #close()} (Ctrl-C). */
final class RunningQuickStart implements AutoCloseable {

    final int httpPort;
    final int httpsPort;
    final Path data;
    private final Process process;

    private RunningQuickStart(Path data, int httpPort, int httpsPort, Process process) {
        this.data = data;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.process = process;
    }

    /** Starts the quick start with its data in {@code data} and waits until it says it runs. */
    static RunningQuickStart start(Path data) throws IOException, InterruptedException {
        int http = freePort();
        int https = freePort();
        Path jar = Path.of(System.getProperty("livepush.quickstart.jar", "target/livepush-quickstart.jar"));
        Files.createDirectories(data);
        Path log = data.resolveSibling("quickstart-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--http-port", String.valueOf(http), "--https-port",
                String.valueOf(https), "--data", data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            String output = Files.exists(log) ? Files.readString(log) : "";
            if (output.contains("Live Push quick start is running.")) {
                return new RunningQuickStart(data, http, https, process);
            }
            if (!process.isAlive()) {
                throw new AssertionError("The quick start exited with " + process.exitValue() + ":\n" + output);
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new AssertionError("The quick start did not start within 4 minutes:\n" + Files.readString(log));
    }

    /** A value of {@code quickstart.json}. */
    String fact(String key) throws IOException {
        String json = Files.readString(data.resolve("quickstart.json"));
        String marker = "\"" + key + "\": \"";
        int start = json.indexOf(marker) + marker.length();
        return json.substring(start, json.indexOf('"', start));
    }

    String portalUrl() {
        return "http://127.0.0.1:" + httpPort + "/admin/";
    }

    /** Ctrl-C: SIGTERM runs the shutdown hook, which stops Tomcat and MariaDB. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The quick start did not stop within 60 seconds of SIGTERM");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
