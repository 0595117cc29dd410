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
        this(1280, 900);
    }

    /** A window of this size, such as 375 x 812 for a phone or 1366 x 768 for a small laptop. */
    public Browser(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
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
        awaitQuiet();
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /**
     * Waits until the page has no Ajax request of its own in flight: a click while an earlier change is still being
     * answered can land on a form that the answer then renders again.
     */
    public void awaitQuiet() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return (typeof jQuery === 'undefined' || jQuery.active === 0)"
                        + " && (typeof PrimeFaces === 'undefined' || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    public WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /**
     * Picks an option of a PrimeFaces selectOneMenu by (part of) its label, through the widget's own API: the overlay
     * panel's opening animation made real clicks on its items flaky in headless Chromium. The menu's change event
     * fires as after a click, so that a menu with an Ajax listener sends it.
     */
    public void choose(String menuId, String labelPart) {
        visible(menuId);
        Object chosen = ((JavascriptExecutor) driver).executeScript(
                "var select = document.getElementById(arguments[0] + '_input');"
                        + "for (var i = 0; i < select.options.length; i++) {"
                        + "  if (select.options[i].text.indexOf(arguments[1]) >= 0) {"
                        + "    var menu = PrimeFaces.getWidgetById(arguments[0]);"
                        + "    menu.selectValue(select.options[i].value);"
                        + "    menu.triggerChange();"
                        + "    return true;"
                        + "  }"
                        + "}"
                        + "return false;", menuId, labelPart);
        if (!Boolean.TRUE.equals(chosen)) {
            throw new AssertionError("No option \"" + labelPart + "\" in " + menuId);
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), labelPart));
    }

    public void awaitText(String text) {
        wait.until(d -> d.getPageSource().contains(text));
    }

    public void awaitUrlContains(String part) {
        wait.until(ExpectedConditions.urlContains(part));
    }

    /** How many CSS pixels the page is wider than the window: more than 0 means a person must scroll sideways. */
    public long overflowX() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);");
    }

    /**
     * Runs axe-core (npm, installed by the build into src/test/node/axe) on the page as it is now and returns its
     * serious and critical violations, one line each: the rule, its impact, and the first elements it names. Rules
     * may be left out only where a third-party widget's own markup is the cause, and the caller says why.
     */
    public java.util.List<String> accessibilityViolations(String... rulesLeftOut) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
            try {
                js.executeScript(Files.readString(Path.of("src/test/node/axe/node_modules/axe-core/axe.min.js")));
            } catch (IOException e) {
                throw new IllegalStateException("axe-core is not installed: run npm install in src/test/node/axe", e);
            }
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object found = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var rules = {}; arguments[0].forEach(function (id) { rules[id] = {enabled: false}; });"
                + "axe.run(document, {resultTypes: ['violations'], rules: rules}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "      + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}, function (e) { done(['axe-core failed: ' + e]); });", java.util.List.of(rulesLeftOut));
        @SuppressWarnings("unchecked")
        java.util.List<String> violations = (java.util.List<String>) found;
        return violations;
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
