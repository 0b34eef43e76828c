package io.livepush.quickstart;

import io.livepush.distribution.PortalLogin;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The portal in headless Chromium: log in, open a screen, read and type Vaadin fields, click buttons. */
final class PortalPage implements AutoCloseable {

    final ChromeDriver driver;
    final WebDriverWait wait;

    private PortalPage(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** Starts headless Chromium ({@link PortalLogin#chromium()}: skipped or failed when it is missing). */
    static PortalPage start() {
        return new PortalPage((ChromeDriver) PortalLogin.chromium());
    }

    void login(String portalUrl, String username, String password) {
        PortalLogin.login(driver, portalUrl, username, password);
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
