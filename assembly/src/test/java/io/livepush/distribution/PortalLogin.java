package io.livepush.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Logs into the portal of the running distribution as a person would, in headless Debian Chromium: the login form,
 * then the slot list with the user's name in the header.
 */
public final class PortalLogin {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private PortalLogin() {
    }

    /** Returns the text the header shows for the logged-in user, in a browser of its own that it closes. */
    static String login(String portalUrl, String username, String password) {
        WebDriver driver = chromium();
        try {
            return login(driver, portalUrl, username, password);
        } finally {
            driver.quit();
        }
    }

    /**
     * Starts headless Chromium, or skips the test (fails with {@code LIVEPUSH_REQUIRE_TOOLS=1}) when Debian's chromium
     * and chromium-driver are not installed. The caller quits it.
     */
    public static WebDriver chromium() {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String message = "Logging into the portal needs Debian's chromium and chromium-driver";
            if ("1".equals(System.getenv("LIVEPUSH_REQUIRE_TOOLS"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Logs in with {@code driver}; returns the text the header shows for the logged-in user. */
    public static String login(WebDriver driver, String portalUrl, String username, String password) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(portalUrl + "login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "vaadin-login-form input[name='username']"))).sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"))
                .sendKeys(password, Keys.ENTER);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user"))).getText();
    }
}
