package io.livepush.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.admin.AdminServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Swagger UI at {@code /admin/api/}: rendered from the API's OpenAPI document for logged-in users only. */
class ApiDocsIT {

    private static AdminServer server;
    private static Browser browser;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        server = new AdminServer();
        base = server.baseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        HttpResponse<String> page = get("api/");
        HttpResponse<String> bare = get("api");

        assertThat(page.statusCode()).as(page.headers() + page.body()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url)
                .endsWith("/login"));
        assertThat(page.body()).doesNotContain("swagger-ui");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url)
                .endsWith("/api/"));
    }

    @Test
    void aLoggedInUserSeesEveryOperationOfTheOpenApiDocument() throws Exception {
        browser.login(base, "alice", AdminServer.PASSWORD);
        browser.driver.get(base + "api/");
        List<WebElement> operations = browser.wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".opblock-summary-path"));
            return found.size() > 10 ? found : null;
        });
        String paths = String.join(" ", operations.stream().map(e -> e.getAttribute("data-path")).toList());

        assertThat(browser.driver.getTitle()).contains("REST API");
        assertThat(paths).contains("/v1/slots").contains("/v1/pops").contains("/v1/slots/{name}/status");
        assertThat(browser.pageText()).contains("Live Push");
        browser.open(base);
        browser.logout();
        browser.driver.get(base + "api/");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/login"));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
