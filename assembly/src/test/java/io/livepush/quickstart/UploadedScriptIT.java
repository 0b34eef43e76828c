package io.livepush.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.distribution.PortalLogin;
import io.livepush.distribution.SelfSignedTrust;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Stored cross-site scripting (issue 10): the quick start serves the portal ({@code /admin}) and playback
 * ({@code /live/play}) on one origin, as the distribution's HTTP connector does. An encoder uploads files whose bytes
 * are a script in every form a browser would run ({@code .xml}, an SVG-like {@code .ttml}, {@code .init} and others);
 * an operator who is logged into the portal opens each playback URL in the same Chromium profile. No script may run
 * there (each would leave a marker in the origin's {@code localStorage} and a cookie), and the portal session must
 * still work afterwards. The same quick start shows that hls.js still plays a stream through playback with those
 * headers, and that the portal's session cookie is {@code HttpOnly}, {@code SameSite=Lax} and, over HTTPS,
 * {@code Secure}.
 */
class UploadedScriptIT {

    /** What each uploaded script does when it runs: a marker the portal page can see afterwards. */
    private static final String MARK = "localStorage.setItem('xss-' + location.pathname, document.cookie);"
            + " document.cookie = 'xss=' + encodeURIComponent(location.pathname) + '; path=/';";
    private static final String XHTML = "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
            + "<script>" + MARK + "</script></body></html>\n";
    private static final String SVG = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"
            + "<script>" + MARK + "</script></svg>\n";
    private static final String HTML = "<html><body><script>" + MARK + "</script></body></html>\n";
    /** The hls.js the portal's Player loads (admin-ui PlayerView.HLS_SCRIPT). */
    private static final String HLS_SCRIPT = "/admin/webjars/hls.js/1.4.12/dist/hls.min.js";
    /** Loads hls.js (arguments[0]) and plays arguments[1] muted in a new video element, as the portal's Player does. */
    private static final String PLAY_WITH_HLS_JS = """
            const done = arguments[arguments.length - 1];
            const source = arguments[1];
            const script = document.createElement('script');
            script.src = arguments[0];
            script.onerror = () => done(false);
            script.onload = () => {
                const video = document.createElement('video');
                video.muted = true;
                document.body.appendChild(video);
                const hls = new window.Hls();
                hls.on(window.Hls.Events.ERROR, (event, error) => {
                    if (error.fatal) {
                        window.lpError = 'hls.js: ' + error.details;
                    }
                });
                hls.loadSource(source);
                hls.attachMedia(video);
                video.play().catch(() => {});
                window.lpVideo = video;
                done(true);
            };
            document.head.appendChild(script);
            """;

    @TempDir
    static Path work;
    private static Path data;
    private static Process quickStart;
    private static String facts;
    private static int httpPort;
    private static int httpsPort;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        data = work.resolve("livepush-data");
        httpPort = QuickStartIT.freePort();
        httpsPort = QuickStartIT.freePort();
        quickStart = QuickStartIT.start(data, httpPort, httpsPort);
        facts = Files.readString(data.resolve("quickstart.json"));
        client = HttpClient.newBuilder().sslContext(SelfSignedTrust.context())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (quickStart != null) {
            QuickStartIT.stop(quickStart);
        }
    }

    @Test
    void scriptsUploadedByAnEncoderNeverRunOnThePortalsOriginAndTheSessionSurvives() throws Exception {
        Map<String, String> uploads = new LinkedHashMap<>();
        uploads.put("xss/evil.xml", XHTML);
        uploads.put("xss/evil.ttml", SVG);
        uploads.put("xss/evil.dfxp", XHTML);
        uploads.put("xss/evil.mpd", XHTML);
        uploads.put("xss/evil.init", HTML);
        uploads.put("xss/evil.key", HTML);
        uploads.put("xss/init_evil", HTML);
        for (Map.Entry<String, String> upload : uploads.entrySet()) {
            put(upload.getKey(), upload.getValue());
        }
        String portalUrl = QuickStartIT.value(facts, "portalUrl");
        WebDriver browser = PortalLogin.chromium();
        try {
            assertThat(PortalLogin.login(browser, portalUrl, QuickStartIT.value(facts, "operatorUser"),
                    QuickStartIT.value(facts, "operatorPassword"))).contains("operator");
            Cookie session = browser.manage().getCookieNamed("JSESSIONID");
            assertThat(session).as("the portal's session cookie").isNotNull();
            for (String path : uploads.keySet()) {
                String url = playbackUrl(path);
                HttpResponse<String> direct = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        BodyHandlers.ofString());
                assertThat(direct.statusCode()).as(url + " is served: " + direct).isEqualTo(200);
                assertThat(direct.headers().firstValue("X-Content-Type-Options")).as(url).contains("nosniff");
                assertThat(direct.headers().firstValue("Content-Security-Policy")).as(url).isPresent();
                browser.get(url);
            }

            browser.get(portalUrl);
            assertThat(new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions
                    .presenceOfElementLocated(By.id("current-user"))).getText()).as("still logged in")
                    .contains("operator");
            JavascriptExecutor page = (JavascriptExecutor) browser;
            assertThat(page.executeScript("return Object.keys(localStorage).filter(k => k.startsWith('xss-'))"))
                    .as("markers left by uploaded scripts that ran on the portal's origin").asList().isEmpty();
            assertThat((String) page.executeScript("return document.cookie")).doesNotContain("xss=");
            Cookie after = browser.manage().getCookieNamed("JSESSIONID");
            assertThat(after).as("the session cookie is intact").isNotNull();
            assertThat(after.getValue()).isEqualTo(session.getValue());
            assertThat(after.isHttpOnly()).isTrue();
        } finally {
            browser.quit();
        }
    }

    @Test
    void hlsJsStillPlaysAPushedStreamThroughPlaybackOnThePortalsPage() throws Exception {
        QuickStartIT.publishWithFfmpeg(facts, data);
        WebDriver browser = PortalLogin.chromium();
        try {
            browser.get(QuickStartIT.value(facts, "portalUrl") + "login");
            JavascriptExecutor page = (JavascriptExecutor) browser;
            Object loaded = page.executeAsyncScript(PLAY_WITH_HLS_JS, HLS_SCRIPT, playbackUrl("index.m3u8"));
            assertThat(loaded).as("hls.js loaded from the portal").isEqualTo(Boolean.TRUE);

            Object state = new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> page.executeScript(
                    "return window.lpError || (window.lpVideo.currentTime > 1 ? 'playing' : null)"));

            assertThat(state).as("hls.js played the stream (or the fatal error it reported)").isEqualTo("playing");
        } finally {
            browser.quit();
        }
    }

    @Test
    void thePortalsSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureOverHttps() throws Exception {
        List<String> overHttp = sessionCookie(QuickStartIT.value(facts, "portalUrl") + "login");
        List<String> overHttps = sessionCookie("https://127.0.0.1:" + httpsPort + "/admin/login");

        assertThat(overHttp).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(overHttps).contains("HttpOnly", "SameSite=Lax", "Secure");
    }

    /** The attributes of the {@code JSESSIONID} cookie that opening {@code url} sets, trimmed. */
    private static List<String> sessionCookie(String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                BodyHandlers.ofString());
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("No session cookie from " + url + ": " + response.headers()));
        return Stream.of(cookie.split(";")).map(String::trim).toList();
    }

    private static String playbackUrl(String path) {
        return QuickStartIT.value(facts, "playbackUrl") + path;
    }

    private static void put(String path, String body) throws Exception {
        String auth = Base64.getEncoder().encodeToString((QuickStartIT.value(facts, "ingestUser") + ":"
                + QuickStartIT.value(facts, "ingestPassword")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(
                QuickStartIT.value(facts, "ingestUrl") + path)).header("Authorization", "Basic " + auth)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT " + path + ": " + response.body()).isIn(201, 204);
    }
}
