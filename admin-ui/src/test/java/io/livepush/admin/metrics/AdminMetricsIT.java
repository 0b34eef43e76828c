package io.livepush.admin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.admin.AdminServer;
import io.livepush.domain.AdminRole;
import io.livepush.testing.MetricNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/metrics} of the real {@code admin.war}: logins by outcome and lockouts (through the API's Basic
 * authentication, which shares the portal's lockout), API requests by status and the JVM, in the Prometheus text
 * format or OpenMetrics as the {@code Accept} header asks; no label names a user; and the dashboard's admin panels
 * query only series the application exports.
 */
class AdminMetricsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^(\\S+?)(\\{[^}]*})? (\\S+)", Pattern.MULTILINE);
    private static AdminServer server;
    private static int securePort;

    @BeforeAll
    static void start() throws Exception {
        server = new AdminServer();
        server.users.create(AdminServer.OPERATOR, "carol", AdminServer.PASSWORD, AdminRole.ACCOUNT_ADMIN, "acme");
        securePort = server.addSecureConnector();
        assertThat(api("carol", AdminServer.PASSWORD).statusCode()).isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            assertThat(api("carol", "wrong-password-" + i).statusCode()).isEqualTo(401);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void loginsLockoutsAndApiAnswersAreCounted() throws Exception {
        String scrape = scrape("text/plain").body();

        assertThat(value(scrape, "livepush_admin_logins_total", "outcome=\"accepted\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "livepush_admin_logins_total", "outcome=\"rejected\"")).isGreaterThanOrEqualTo(4);
        assertThat(value(scrape, "livepush_admin_logins_total", "outcome=\"locked\"")).isGreaterThanOrEqualTo(2);
        assertThat(value(scrape, "livepush_admin_lockouts_total", "application=\"admin\"")).isEqualTo(1);
        assertThat(value(scrape, "livepush_admin_api_requests_total", "status=\"401\"")).isGreaterThanOrEqualTo(6);
        assertThat(value(scrape, "livepush_admin_api_requests_total", "status=\"200\"")).isGreaterThanOrEqualTo(1);
        assertThat(scrape).contains("jvm_memory_used_bytes{").doesNotContain("carol")
                .doesNotContain(AdminServer.PASSWORD);
    }

    @Test
    void theFormatFollowsTheAcceptHeader() throws Exception {
        HttpResponse<String> text = scrape("text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        HttpResponse<String> openMetrics = scrape("application/openmetrics-text;version=1.0.0,"
                + "text/plain;version=0.0.4;q=0.5");

        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain").contains("version=0.0.4"));
        assertThat(text.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(openMetrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/openmetrics-text"));
        assertThat(openMetrics.body()).endsWith("# EOF\n");
    }

    @Test
    void theDashboardsAdminPanelsQueryOnlySeriesTheApplicationExports() throws Exception {
        Set<String> exported = MetricNames.exported(scrape("text/plain").body());
        Set<String> used = MetricNames.usedByDashboard(MetricNames.buildRoot().resolve(MetricNames.DASHBOARD));

        assertThat(used.stream().filter(name -> name.startsWith("livepush_admin_")).toList()).isNotEmpty()
                .allMatch(exported::contains, "exported");
    }

    private static HttpResponse<String> scrape(String accept) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "metrics"))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static HttpResponse<Void> api(String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + securePort + "/admin/api/v1/slots"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The value of the sample of {@code name} whose labels contain {@code label}. */
    private static double value(String scrape, String name, String label) {
        Matcher matcher = SAMPLE.matcher(scrape);
        while (matcher.find()) {
            if (matcher.group(1).equals(name) && matcher.group(2) != null && matcher.group(2).contains(label)) {
                return Double.parseDouble(matcher.group(3));
            }
        }
        throw new AssertionError("No sample " + name + " with " + label + " in:\n" + scrape);
    }
}
