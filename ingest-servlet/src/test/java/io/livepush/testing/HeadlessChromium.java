package io.livepush.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through its chromedriver, for the ITs where a real player (hls.js, dash.js)
 * plays from the embedded Tomcat. Autoplay is allowed without a gesture, so a muted {@code <video>} starts by itself.
 * A missing browser skips the test, or fails it under {@value ExternalTools#REQUIRE_TOOLS}{@code =1}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Skips (or fails) the calling test unless Chromium and chromedriver are installed; {@code who} names it. */
    public static void assumeInstalled(String who) {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String message = who + " needs Debian's chromium and chromium-driver (apt-get install chromium "
                    + "chromium-driver); " + CHROMEDRIVER + " or " + CHROMIUM + " is missing";
            if ("1".equals(System.getenv(ExternalTools.REQUIRE_TOOLS))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Starts a headless browser; call {@link #assumeInstalled} first. */
    public static HeadlessChromium start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--autoplay-policy=no-user-gesture-required");
        return new HeadlessChromium(new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
