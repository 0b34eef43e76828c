package io.livepush.metrics;

import static io.livepush.ingest.LiveFixture.PASSWORD;
import static io.livepush.ingest.LiveFixture.USER;
import static io.livepush.ingest.LiveFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.ingest.LiveFixture;
import io.livepush.net.AddressRule.Action;
import io.livepush.service.SlotRecord;
import io.livepush.testing.ExternalTools;
import io.livepush.testing.MetricNames;
import io.livepush.testing.PrometheusServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics of {@code live.war} as a real Prometheus server sees them: ffmpeg pushes an HLS stream while a client
 * plays it (and a refused viewer and a wrong password try), Prometheus scrapes {@code /live/metrics} every second, and
 * its query API must show the series moving. The shipped Grafana dashboard and alert rules must only name series the
 * server really exports. Skips without ffmpeg or Prometheus, unless {@code LIVEPUSH_REQUIRE_TOOLS=1}.
 */
class PrometheusScrapeIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Series other components export: Prometheus itself ({@code up}) and encoder health (branch {@code health}). */
    @TempDir
    static Path baseDir;
    private static LiveFixture fx;
    private static PrometheusServer prometheus;
    private static SlotRecord slot;

    @BeforeAll
    static void start() throws Exception {
        ExternalTools.assumeInstalled("apt-get install -y ffmpeg", "ffmpeg");
        PrometheusServer.assumeInstalled();
        fx = new LiveFixture(baseDir, Map.of());
        slot = fx.slot("metered", List.of());
        fx.slot(fx.draft("nobody", List.of(), Action.DENY, null));
        prometheus = PrometheusServer.start(Files.createDirectories(baseDir.resolve("prometheus")),
                fx.tomcat.httpPort(), "/live/metrics");
        pushAndPlay();
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void ingestSeriesMoveWhileFfmpegPushes() throws Exception {
        String id = "slot=\"" + slot.id() + "\"";
        assertThat(prometheus.awaitNonEmpty("rate(livepush_ingest_bytes_total{" + id + "}[30s]) > 0", WAIT))
                .allMatch(value -> value > 0);
        prometheus.awaitNonEmpty("livepush_ingest_requests_total{" + id + ",status=\"201\"} > 0", WAIT);
        prometheus.awaitNonEmpty("livepush_ingest_auth_failures_total{" + id + "} > 0", WAIT);
        prometheus.awaitNonEmpty("livepush_ingest_upload_duration_seconds_count > 0", WAIT);
        prometheus.awaitNonEmpty("livepush_ingest_upload_duration_seconds_bucket{le=\"+Inf\"} > 0", WAIT);
        prometheus.awaitNonEmpty("max_over_time(livepush_ingest_rate_bytes_per_second{" + id + "}[1m]) > 0", WAIT);
        prometheus.awaitNonEmpty("livepush_ingest_rate_limit_bytes_per_second{" + id + "} > 0", WAIT);
        assertThat(prometheus.awaitNonEmpty("livepush_ingest_over_bitrate{" + id + "}", WAIT)).containsOnly(0.0);
    }

    @Test
    void playbackSeriesMoveWhileAClientPlays() throws Exception {
        prometheus.awaitNonEmpty("rate(livepush_playback_requests_total{status=\"200\"}[30s]) > 0", WAIT);
        prometheus.awaitNonEmpty("rate(livepush_playback_bytes_total[30s]) > 0", WAIT);
        prometheus.awaitNonEmpty("livepush_playback_requests_total{status=\"404\"} > 0", WAIT);
        prometheus.awaitNonEmpty("livepush_playback_refusals_total{reason=\"viewer_rule\"} > 0", WAIT);
        prometheus.awaitNonEmpty("livepush_playback_manifest_cache_requests_total{result=\"hit\"} > 0", WAIT);
    }

    @Test
    void nodeSeriesReportTheDatabaseExpiryJvmAndConnectors() throws Exception {
        assertThat(prometheus.awaitNonEmpty("up{job=\"livepush\"}", WAIT)).containsOnly(1.0);
        assertThat(prometheus.awaitNonEmpty("livepush_database_up", WAIT)).containsOnly(1.0);
        prometheus.awaitNonEmpty("livepush_slot_rules_age_seconds < 10", WAIT);
        assertThat(prometheus.awaitNonEmpty("livepush_slots", WAIT)).containsOnly(2.0);
        prometheus.awaitNonEmpty("increase(livepush_expiry_sweep_duration_seconds_count[30s]) > 0", WAIT);
        prometheus.awaitNonEmpty("livepush_expiry_index_files > 0", WAIT);
        prometheus.awaitNonEmpty("jvm_memory_used_bytes{application=\"live\"}", WAIT);
        prometheus.awaitNonEmpty("rate(tomcat_global_sent_bytes_total[30s]) > 0", WAIT);
        prometheus.awaitNonEmpty("disk_free_bytes{volume=\"storage\"} > 0", WAIT);
    }

    @Test
    void noLabelCarriesACredentialOrAClientAddress() throws Exception {
        String scrape = scrape();

        assertThat(scrape).contains("livepush_ingest_requests_total").doesNotContain(PASSWORD)
                .doesNotContain(USER).doesNotContain("127.0.0.1").doesNotContain("metered");
    }

    @Test
    void theDashboardQueriesOnlySeriesTheServerExports() throws Exception {
        Set<String> exported = MetricNames.exported(scrape());
        Set<String> used = MetricNames.usedByDashboard(MetricNames.buildRoot().resolve(MetricNames.DASHBOARD));

        assertThat(used).as("metric names in the dashboard").isNotEmpty()
                .allMatch(name -> name.startsWith("livepush_admin_") || exported.contains(name), "exported");
    }

    @Test
    void theAlertRulesQueryOnlySeriesTheServerExports() throws Exception {
        Set<String> exported = new TreeSet<>(MetricNames.exported(scrape()));
        Set<String> used = MetricNames.usedByRules(MetricNames.buildRoot().resolve(MetricNames.RULES));

        assertThat(used).as("metric names in the alert rules").isNotEmpty().allMatch(exported::contains, "exported");
    }

    private static String scrape() throws Exception {
        HttpResponse<String> response = fx.client.send(HttpRequest.newBuilder(fx.tomcat.http("/metrics"))
                .build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /**
     * Pushes ten seconds of HLS with ffmpeg (one-second segments) while a client fetches the playlist and its newest
     * segment every 300 ms, a viewer the slot's rules refuse and a missing file are asked for, and an encoder with a
     * wrong password tries once.
     */
    private static void pushAndPlay() throws Exception {
        String target = fx.tomcat.https("/push/acme/metered/index.m3u8").toString();
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning", "-re", "-f",
                "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "10", "-c:v", "libx264", "-preset", "ultrafast",
                "-b:v", "400k", "-g", "25", "-pix_fmt", "yuv420p", "-f", "hls", "-hls_time", "1", "-hls_list_size", "5",
                "-http_persistent", "1", "-method", "PUT", "-headers",
                "Authorization: " + basic(USER, PASSWORD) + "\r\n", target)
                .redirectErrorStream(true).redirectOutput(baseDir.resolve("ffmpeg.log").toFile()).start();
        AtomicBoolean pushing = new AtomicBoolean(true);
        Thread player = new Thread(() -> play(pushing), "metrics-it-player");
        player.start();
        fx.client.send(HttpRequest.newBuilder(fx.tomcat.https("/push/acme/metered/wrong.ts"))
                .header("Authorization", basic(USER, "not-the-password")).PUT(HttpRequest.BodyPublishers.ofString("x"))
                .build(), BodyHandlers.discarding());
        get("/live/play/acme/nobody/index.m3u8");
        get("/live/play/acme/metered/missing.ts");
        boolean finished = ffmpeg.waitFor(60, TimeUnit.SECONDS);
        pushing.set(false);
        player.join();
        assertThat(finished).as("ffmpeg finished: " + Files.readString(baseDir.resolve("ffmpeg.log"))).isTrue();
    }

    private static void play(AtomicBoolean pushing) {
        try {
            while (pushing.get()) {
                HttpResponse<String> playlist = get("/live/play/acme/metered/index.m3u8");
                if (playlist.statusCode() == 200) {
                    playlist.body().lines().filter(line -> line.endsWith(".ts")).reduce((first, last) -> last)
                            .ifPresent(segment -> get("/live/play/acme/metered/" + segment));
                }
                Thread.sleep(300);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<String> get(String path) {
        try {
            return fx.client.send(HttpRequest.newBuilder(fx.tomcat.http(path.substring("/live".length()))).build(),
                    BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }
}
