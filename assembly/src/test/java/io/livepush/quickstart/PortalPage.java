package io.livepush.quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The portal in headless Debian Chromium: log in, open a screen, read and type Vaadin fields, click buttons. */
final class PortalPage implements AutoCloseable {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    final ChromeDriver driver;
    final WebDriverWait wait;

    private PortalPage(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** Starts Chromium, or skips the test (fails with LIVEPUSH_REQUIRE_TOOLS=1) when it is not installed. */
    static PortalPage start() {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String message = "The portal tests need Debian's chromium and chromium-driver";
            if ("1".equals(System.getenv("LIVEPUSH_REQUIRE_TOOLS"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new PortalPage(new ChromeDriver(service, options));
    }

    void login(String portalUrl, String username, String password) {
        driver.get(portalUrl + "login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "vaadin-login-form input[name='username']"))).sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
        waitForVaadin();
    }

    void open(String url) {
        driver.get(url);
        waitForVaadin();
    }

    /** Waits until Vaadin has no request in flight. */
    void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients && "
                        + "Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    /** The value of a Vaadin text field. */
    String value(String id) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        return String.valueOf(driver.executeScript("return arguments[0].value", field));
    }

    /** Types into a Vaadin text field, replacing what is there. */
    void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id
                + " > input")));
        center(input);
        wait.until(ExpectedConditions.elementToBeClickable(input)).click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
        waitForVaadin();
    }

    void click(String id) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        center(element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        waitForVaadin();
    }

    /** Scrolls an element to the middle of the window, away from sticky bars at the edges. */
    private void center(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
