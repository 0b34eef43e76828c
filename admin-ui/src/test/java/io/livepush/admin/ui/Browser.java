package io.livepush.admin.ui;

import io.livepush.admin.AdminServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium with Debian's chromedriver, plus the few moves the Vaadin components
 * need (their native inputs are slotted into the light DOM; overlays live under {@code body}).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path screenshots;

    private Browser(ChromeDriver driver) throws IOException {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.screenshots = Files.createDirectories(AdminServer.targetDir().resolve("screenshots"));
    }

    /** Starts Chromium, or skips the test (fails with LIVEPUSH_REQUIRE_TOOLS=1) when it is not installed. */
    static Browser start() throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String message = "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium "
                    + "chromium-driver); " + CHROMEDRIVER + " or " + CHROMIUM + " is missing";
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
        return new Browser(new ChromeDriver(service, options));
    }

    void open(String url) {
        driver.get(url);
        waitForVaadin();
    }

    /** Waits until Vaadin has no request in flight. */
    void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients && "
                        + "Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    WebElement byId(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Types into a Vaadin text field, area, password or integer field (replacing what is there). */
    void type(String fieldId, String text) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + fieldId + " > input, #" + fieldId + " > textarea")));
        center(input);
        wait.until(ExpectedConditions.elementToBeClickable(input));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        waitForVaadin();
    }

    void click(String id) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        center(element);
        element.click();
        waitForVaadin();
    }

    /** Scrolls an element to the middle of the window, away from sticky bars and overlays at the edges. */
    void center(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    void clickText(String tag, String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//" + tag + "[normalize-space()='" + text
                + "']"))).click();
        waitForVaadin();
    }

    /** Chooses an item of a Vaadin Select by its label. */
    void select(String selectId, String label) {
        click(selectId);
        WebElement item = wait.until(d -> items(selectId).stream()
                .filter(candidate -> text(candidate).equals(label)).findFirst().orElse(null));
        driver.executeScript("arguments[0].click()", item);
        waitForVaadin();
    }

    /** The items of an open Select: inside the element in Vaadin 24.x, else the ones shown in an overlay. */
    private List<WebElement> items(String selectId) {
        // The value button shows a copy of the chosen item; it is not one of the choices.
        List<WebElement> scoped = driver.findElements(By.cssSelector("#" + selectId
                + " vaadin-select-list-box vaadin-select-item"));
        if (!scoped.isEmpty()) {
            return scoped;
        }
        return driver.findElements(By.cssSelector("vaadin-select-overlay[opened] vaadin-select-item"));
    }

    /** Labels offered by a Vaadin Select (opens and closes it). */
    List<String> options(String selectId) {
        click(selectId);
        List<String> labels = wait.until(d -> {
            List<String> found = items(selectId).stream().map(Browser::text).toList();
            return found.isEmpty() ? null : found;
        });
        driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        waitForVaadin();
        return labels;
    }

    static String text(WebElement element) {
        String content = element.getAttribute("textContent");
        return content == null ? "" : content.strip();
    }

    String errorOf(String fieldId) {
        Object message = driver.executeScript("return arguments[0].invalid ? arguments[0].errorMessage : ''",
                byId(fieldId));
        return message == null ? "" : message.toString();
    }

    boolean isEnabled(String id) {
        return !Boolean.TRUE.equals(driver.executeScript("return arguments[0].disabled", byId(id)));
    }

    String gridText(String gridId) {
        waitForVaadin();
        return String.join(" | ", byId(gridId).findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList());
    }

    String notifications() {
        return String.join(" | ", driver.findElements(By.tagName("vaadin-notification-card")).stream()
                .map(WebElement::getText).toList());
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void screenshot(String name) throws IOException {
        waitForVaadin();
        Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    void login(String baseUrl, String username, String password) {
        open(baseUrl + "login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "vaadin-login-form input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
        waitForVaadin();
    }

    void logout() {
        click("logout");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
