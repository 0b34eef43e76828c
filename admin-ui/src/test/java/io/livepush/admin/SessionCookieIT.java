package io.livepush.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's session cookie as {@code admin.war} itself sets it in a plain Tomcat (no context file, no global
 * cookie processor setting): {@code HttpOnly}, {@code SameSite=Lax}, scoped to {@code /admin}, and {@code Secure}
 * exactly when the request is secure (issue 10).
 */
class SessionCookieIT {

    private static AdminServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        server = new AdminServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOverPlainHttp() throws Exception {
        List<String> attributes = sessionCookie(server.port());

        assertThat(attributes).contains("HttpOnly", "SameSite=Lax", "Path=/admin").doesNotContain("Secure");
    }

    @Test
    void theSessionCookieIsSecureWhenTheRequestIsSecure() throws Exception {
        List<String> attributes = sessionCookie(server.addSecureConnector());

        assertThat(attributes).contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/admin");
    }

    /** The attributes of the {@code JSESSIONID} cookie that opening the login page sets, trimmed. */
    private static List<String> sessionCookie(int port) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/admin/login")).build(), BodyHandlers.ofString());
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("No session cookie: " + response.headers()));
        return List.of(cookie.split(";")).stream().map(String::trim).toList();
    }
}
