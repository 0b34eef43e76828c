package io.livepush.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.admin.AdminServer;
import io.livepush.setup.EmbeddedMariaDb;
import io.livepush.testing.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin application (REST API and portal) while its MariaDB process is frozen ({@code kill -STOP}, as a hung or
 * partitioned server looks to a client: connections stay open, nothing answers) and after it resumes. The test
 * starts a MariaDB of its own for this; the shared server is never touched.
 */
class DatabaseStoppedIT {

    private static final Logger LOG = Logger.getLogger(DatabaseStoppedIT.class.getName());
    /** Generous: the product's socket time-out is 10 s, its connect time-out 5 s, on a loaded machine. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(35);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static EmbeddedMariaDb mariaDb;
    private static AdminServer server;
    private static ProcessHandle mariaDbProcess;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        mariaDb = EmbeddedMariaDb.create(0, null);
        mariaDb.start();
        String url = mariaDb.serverUrl();
        server = new AdminServer(TestDatabases.freshSchema(url.substring(0, url.length() - 1),
                "?user=" + mariaDb.user() + "&password=" + mariaDb.password()));
        token = server.tokens.create(AdminServer.OPERATOR, "ci").token();
        String port = "--port=" + mariaDb.getConfiguration().getPort();
        mariaDbProcess = ProcessHandle.current().descendants()
                .filter(process -> process.info().arguments().map(args -> List.of(args).contains(port))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("No MariaDB process with " + port));
    }

    @AfterAll
    static void stop() throws Exception {
        if (mariaDbProcess != null) {
            signal("CONT");
        }
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            mariaDb.stop();
        }
    }

    @Test
    void theApiAnswers503WithRetryAfterWithinSecondsWhileTheDatabaseIsStopped() throws Exception {
        assertThat(get("v1/pops").statusCode()).isEqualTo(200);
        signal("STOP");
        try {
            for (int attempt = 1; attempt <= 2; attempt++) {
                long started = System.nanoTime();
                HttpResponse<String> response = get("v1/pops");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                LOG.info("Request " + attempt + " with the database stopped answered " + response.statusCode()
                        + " after " + took.toMillis() + " ms");
                assertThat(response.statusCode()).as(describe(response)).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).contains("5");
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
                assertThat(response.body()).contains("\"error\":\"database_unavailable\"")
                        .contains("The database is not reachable; try again in a moment")
                        .doesNotContain("Tomcat").doesNotContain("Exception");
                assertThat(took).isLessThan(ANSWER_BOUND);
            }
        } finally {
            signal("CONT");
        }
        assertThat(eventually200("v1/pops")).isTrue();
    }

    @Test
    void thePortalShowsAPlainMessageWhileTheDatabaseIsStopped() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.login(server.baseUrl(), "alice", AdminServer.PASSWORD);
            browser.byId("slot-grid");
            signal("STOP");
            try {
                browser.driver.get(server.baseUrl());
                WebElement message = new WebDriverWait(browser.driver, ANSWER_BOUND.plusSeconds(30)).until(
                        ExpectedConditions.presenceOfElementLocated(By.id("database-unavailable")));
                browser.screenshot("database-unavailable");
                assertThat(Browser.text(message)).contains("The database is not reachable; try again in a moment");
                assertThat(browser.pageText()).doesNotContain("Exception").doesNotContain("Tomcat");
            } finally {
                signal("CONT");
            }
            assertThat(eventually200("v1/pops")).isTrue();
            browser.open(server.baseUrl());
            browser.byId("slot-grid");
        }
    }

    private static boolean eventually200(String path) throws Exception {
        long deadline = System.nanoTime() + ANSWER_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (get(path).statusCode() == 200) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(120)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String describe(HttpResponse<String> response) {
        return response.statusCode() + " " + response.headers().map() + "\n" + response.body();
    }

    private static void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(mariaDbProcess.pid()))
                .redirectErrorStream(true).start();
        assertThat(kill.waitFor()).as("kill -" + name).isZero();
    }
}
