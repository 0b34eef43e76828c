package io.livepush.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus server (Debian's {@code prometheus}) for ITs: scrapes one target every second on loopback, keeps
 * its data in a temporary directory, listens on a free loopback port, and answers instant queries through its HTTP
 * API. Use {@link #assumeInstalled()} first: it skips the test (fails it with {@code LIVEPUSH_REQUIRE_TOOLS=1}) when
 * Prometheus is missing.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final Pattern SAMPLE = Pattern.compile("\"value\":\\[[0-9.eE+-]+,\"([^\"]+)\"\\]");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient client = HttpClient.newHttpClient();

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Skips the calling test unless {@code prometheus} is on the PATH (fails it with LIVEPUSH_REQUIRE_TOOLS=1). */
    public static void assumeInstalled() {
        ExternalTools.assumeOnPath("apt-get install -y prometheus", "prometheus");
    }

    /**
     * Starts Prometheus scraping {@code http://127.0.0.1:{targetPort}{metricsPath}} every second (extra request
     * headers are not supported by Prometheus; the target must admit loopback) and waits until it is ready.
     */
    public static PrometheusServer start(Path directory, int targetPort, String metricsPath) throws Exception {
        int port = freePort();
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: livepush
                    metrics_path: %s
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(metricsPath, targetPort));
        Path log = directory.resolve("prometheus.log");
        Process process = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + Files.createDirectories(directory.resolve("data")),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port, log);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Prometheus exited with " + process.exitValue() + ": " + output());
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(uri("/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Prometheus was not ready within 60 s: " + output());
    }

    /** The values of an instant query's result vector (empty when nothing matches). */
    public List<Double> query(String promql) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"status\":\"success\"")) {
            throw new AssertionError("Query " + promql + " failed: " + response.statusCode() + " " + response.body());
        }
        List<Double> values = new ArrayList<>();
        Matcher matcher = SAMPLE.matcher(response.body());
        while (matcher.find()) {
            values.add(Double.parseDouble(matcher.group(1)));
        }
        return values;
    }

    /** Polls {@code promql} until it returns a non-empty vector, or fails after {@code limit} with the last answer. */
    public List<Double> awaitNonEmpty(String promql, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Double> values = query(promql);
        while (values.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            values = query(promql);
        }
        if (values.isEmpty()) {
            throw new AssertionError("Prometheus found nothing for " + promql + " within " + limit + "; targets: "
                    + targets());
        }
        return values;
    }

    /** The target status page of the API, for failure messages. */
    public String targets() throws Exception {
        return client.send(HttpRequest.newBuilder(uri("/api/v1/targets")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Where the server's own output went. */
    public File logFile() {
        return log.toFile();
    }
}
