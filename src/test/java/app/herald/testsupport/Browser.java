package app.herald.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver. With an explicit driver path Selenium
 * Manager never runs, so nothing is downloaded.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final WebDriverWait wait;

    public Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public void type(String id, String text) {
        WebElement field = visible(id);
        field.clear();
        field.sendKeys(text);
    }

    public void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    public WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /**
     * Picks an option of a PrimeFaces selectOneMenu by (part of) its label, as a person does: open it, click the item,
     * and check that the menu now shows it (a click during the opening animation can be lost, so it is tried again).
     */
    public void choose(String menuId, String labelPart) {
        By panel = By.id(menuId + "_panel");
        By option = By.xpath("//*[@id='" + menuId + "_panel']//li[contains(@data-label, '" + labelPart + "')]");
        By label = By.id(menuId + "_label");
        for (int attempt = 0; attempt < 3; attempt++) {
            click(menuId);
            wait.until(ExpectedConditions.visibilityOfElementLocated(panel));
            WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(option));
            // A long list scrolls inside its panel: bring the item into view before clicking it.
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'nearest'})", item);
            wait.until(ExpectedConditions.elementToBeClickable(item)).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(3))
                        .until(ExpectedConditions.textToBePresentInElementLocated(label, labelPart));
                return;
            } catch (org.openqa.selenium.TimeoutException notYet) {
                driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
            }
        }
        throw new AssertionError("Could not choose \"" + labelPart + "\" in " + menuId);
    }

    public void awaitText(String text) {
        wait.until(d -> d.getPageSource().contains(text));
    }

    public void awaitUrlContains(String part) {
        wait.until(ExpectedConditions.urlContains(part));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Keeps a screenshot and the page source of a failed journey in target/browser/ for whoever reads the failure. */
    public void keepEvidence(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not keep browser evidence: " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
