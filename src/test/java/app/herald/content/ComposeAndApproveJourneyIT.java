package app.herald.content;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.testsupport.Browser;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.MailForTests;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser: an editor composes a post with two variants and watches their counters, and a second post; a
 * manager approves both for the agency; the client's approver approves one in Herald and the other through the link
 * e-mailed to them, and then sees both approved on the calendar at their time in the client's zone; the editor drags
 * one to another day, and it stays approved there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ComposeAndApproveJourneyIT {

    private static final String MANAGER = "manager@northwind.test";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HeraldDeployment.war();
    }

    @ArquillianResource
    URL base;

    private void signIn(Browser browser, String email) {
        browser.open(base + "login.xhtml");
        browser.type("login:email", email);
        browser.type("login:password", Demo.PASSWORD);
        browser.click("login:signIn");
    }

    private void signOut(Browser browser) {
        browser.click("signOutForm:signOut");
        browser.awaitUrlContains("login.xhtml");
    }

    private void openAcmePosts(Browser browser) {
        browser.driver().findElement(By.xpath("//table//a[text()='" + Demo.ACME + "']")).click();
        browser.awaitText("Times are shown in Europe/Berlin");
        browser.click("postsTab");
        browser.awaitText("All posts");
    }

    private void approveInQueue(Browser browser, String title) {
        By approve = By.xpath("//*[@id='review:waiting']//tr[td[contains(normalize-space(.), '" + title + "')]]"
                + "//button[.//span[text()='Approve']]");
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(approve)).click();
        browser.awaitText("\"" + title + "\" approved.");
    }

    private WebElement variantOf(Browser browser, String network) {
        return browser.driver().findElement(By.xpath("//div[contains(@class,'herald-variant')][strong[contains(text(),'· "
                + network + "')]]"));
    }

    /** Composes a post for Acme going out tomorrow at 10:00 Berlin time and sends it for review. */
    private void composeAndSubmit(Browser browser, String title, String when) {
        browser.click("composeTab");
        browser.type("compose:title", title);
        browser.type("compose:base", "Our winter menu starts today.");
        browser.driver().findElement(By.xpath("//label[contains(text(),'· Mastodon')]")).click();
        browser.awaitText("/ 500 characters");
        browser.type("compose:when_input", when);
        browser.click("compose:submit");
        browser.awaitText("Sent for review.");
        browser.awaitText(title);
    }

    @Test
    void anEditorComposesAndTheAgencyThenTheClientApprove(TestInfo test) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String title = "Winter menu " + tag;
        String second = "Gift cards " + tag;
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
        String when = tomorrow + " 10:00";
        try (Browser browser = new Browser()) {
            try {
                signIn(browser, Demo.NORTHWIND_EDITOR);
                browser.awaitUrlContains("/agency/clients.xhtml");
                openAcmePosts(browser);
                browser.click("composeTab");
                browser.type("compose:title", title);
                browser.type("compose:base", "Our winter menu starts today.");
                browser.driver().findElement(By.xpath("//label[contains(text(),'· Mastodon')]")).click();
                browser.awaitText("/ 500 characters");
                browser.driver().findElement(By.xpath("//label[contains(text(),'· Bluesky')]")).click();
                browser.awaitText("/ 300 characters");
                assertTrue(variantOf(browser, "Mastodon").getText().contains("29 / 500"), "counts the copied base text");

                WebElement bluesky = variantOf(browser, "Bluesky").findElement(By.tagName("textarea"));
                bluesky.sendKeys(" " + "☕".repeat(280));
                browser.awaitText("Shorten it by");
                bluesky.clear();
                bluesky.sendKeys("Winter menu: now at every Acme Coffee ☕");
                browser.awaitText("39 / 300");
                browser.type("compose:when_input", when);

                browser.click("compose:submit");
                browser.awaitText("Sent for review.");
                browser.awaitText(title);
                composeAndSubmit(browser, second, when);
                signOut(browser);

                signIn(browser, MANAGER);
                browser.awaitUrlContains("/agency/clients.xhtml");
                openAcmePosts(browser);
                browser.awaitText("Waiting for you");
                approveInQueue(browser, title);
                approveInQueue(browser, second);
                signOut(browser);

                signIn(browser, Demo.ACME_APPROVER);
                browser.awaitUrlContains("/client/home.xhtml");
                browser.click("postsTab");
                browser.awaitText("Waiting for you");
                approveInQueue(browser, title);
                WebElement row = browser.driver().findElement(
                        By.xpath("//*[@id='all']//tr[td[contains(normalize-space(.), '" + title + "')]]"));
                assertTrue(row.getText().contains("Approved"), row.getText());
                signOut(browser);

                String mail = MailForTests.awaitMail(Demo.ACME_APPROVER, "Please review: " + second);
                browser.open(MailForTests.link(mail));
                browser.awaitText(second);
                browser.click("decide:approve");
                browser.awaitText("Approved. Thank you!");

                signIn(browser, Demo.ACME_APPROVER);
                browser.awaitUrlContains("/client/home.xhtml");
                browser.click("calendarTab");
                if (tomorrow.getMonthValue() != LocalDate.now(ZoneId.of("Europe/Berlin")).getMonthValue()) {
                    browser.driver().findElement(By.cssSelector(".fc-next-button")).click();
                }
                browser.awaitText("10:00");
                for (String approved : new String[] {title, second}) {
                    browser.awaitText(approved + " · Approved");
                }
                signOut(browser);

                signIn(browser, Demo.NORTHWIND_EDITOR);
                browser.awaitUrlContains("/agency/clients.xhtml");
                openAcmePosts(browser);
                browser.click("calendarTab");
                if (tomorrow.getMonthValue() != LocalDate.now(ZoneId.of("Europe/Berlin")).getMonthValue()) {
                    browser.driver().findElement(By.cssSelector(".fc-next-button")).click();
                }
                browser.awaitText(title + " · Approved");
                boolean lastColumn = tomorrow.getDayOfWeek() == java.time.DayOfWeek.SATURDAY;
                LocalDate target = lastColumn ? tomorrow.minusDays(1) : tomorrow.plusDays(1);
                WebElement cell = browser.driver().findElement(By.cssSelector("td[data-date='" + tomorrow + "']"));
                WebElement event = cell.findElement(By.xpath(".//*[contains(@class,'fc-event')][.//*[contains(text(),'"
                        + title + "')]]"));
                new org.openqa.selenium.interactions.Actions(browser.driver()).clickAndHold(event).pause(300)
                        .moveByOffset((lastColumn ? -1 : 1) * cell.getSize().getWidth(), 0).pause(300).release().perform();
                browser.awaitText("Moved. Its approval is kept.");
                browser.driver().navigate().refresh();
                if (target.getMonthValue() != LocalDate.now(ZoneId.of("Europe/Berlin")).getMonthValue()) {
                    browser.driver().findElement(By.cssSelector(".fc-next-button")).click();
                }
                new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20)).until(d -> !d.findElements(
                        By.xpath("//td[@data-date='" + target + "']//*[contains(text(),'" + title + " · Approved')]")).isEmpty());
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
        }
    }
}
