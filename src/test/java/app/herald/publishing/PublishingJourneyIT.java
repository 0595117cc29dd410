package app.herald.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.publishing.infrastructure.WebhookConnector;
import app.herald.testsupport.Browser;
import app.herald.testsupport.Demo;
import app.herald.testsupport.FakeNetwork.Answer;
import app.herald.testsupport.FakeNetwork;
import app.herald.testsupport.HeraldDeployment;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser, as Southwind's owner on Initech Labs (a client without review, in London): a Sandbox channel is
 * added and connected, a post due in the next minute becomes PUBLISHED with a link to the Sandbox feed; meanwhile a
 * post to a webhook that is rate limited and then answers 500 shows "Waiting to retry", then "Failed" with the
 * network's reason, and "Retry" publishes it once the receiver is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublishingJourneyIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HeraldDeployment.war();
    }

    @ArquillianResource
    URL base;

    /** Follows a workspace tab by its address: a growl message may lie over the tabs. */
    private void tab(Browser browser, String id) {
        browser.open(browser.visible(id).getAttribute("href"));
    }

    private void addChannel(Browser browser, String network, String handle, String shownAs) {
        tab(browser, "channelsTab");
        browser.awaitText("Add a channel by hand");
        browser.choose("add:network", network);
        browser.type("add:handle", handle);
        browser.type("add:name", shownAs);
        browser.click("add:addChannel");
        browser.awaitText("Channel " + handle + " added.");
        browser.driver().findElement(By.xpath("//*[@id='channels:list']//tr[td[contains(., '" + handle
                + "')]]//a[text()='Connect' or text()='Manage']")).click();
        browser.awaitText("Connect " + shownAs);
    }

    private void compose(Browser browser, String title, String channelName, LocalDateTime when) {
        tab(browser, "composeTab");
        browser.type("compose:title", title);
        browser.type("compose:base", title + " at Initech Labs");
        browser.driver().findElement(By.xpath("//label[contains(text(),'" + channelName + "')]")).click();
        browser.awaitText("characters");
        browser.type("compose:when_input", PICKER.format(when));
        browser.click("compose:submit");
        browser.awaitText("Sent for review.");
    }

    private void openPost(Browser browser, String title) {
        tab(browser, "postsTab");
        browser.driver().findElement(By.xpath("//a[text()='" + title + "']")).click();
        browser.awaitText("Publishing");
    }

    /** Reloads the post's page until its publication shows the state, as a person refreshing would. */
    private void awaitPublicationState(Browser browser, String label, Duration patience) {
        new WebDriverWait(browser.driver(), patience, Duration.ofSeconds(1)).until(d -> {
            if (d.findElements(By.xpath("//*[@id='publications:list']//span[contains(@class,'herald-post-state') and text()='"
                    + label + "']")).isEmpty()) {
                d.navigate().refresh();
                return false;
            }
            return true;
        });
    }

    @Test
    void aSandboxPostGoesOutOnTimeAndAFailingWebhookIsRetriedByHand(TestInfo test) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String sandboxName = "Initech live " + tag;
        String hookName = "Initech intranet " + tag;
        try (Browser browser = new Browser(); FakeNetwork receiver = new FakeNetwork()) {
            AtomicInteger calls = new AtomicInteger();
            AtomicInteger healthy = new AtomicInteger();
            receiver.on("POST", "/hook", r -> {
                if (WebhookConnector.TEST_EVENT.equals(r.header("X-Herald-Event"))) {
                    return Answer.json(200, "{}");
                }
                if (healthy.get() == 1) {
                    return Answer.json(200, "{\"id\":\"intra-" + tag + "\",\"url\":\"https://intranet.example/" + tag + "\"}");
                }
                return calls.incrementAndGet() == 1
                        ? Answer.json(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "8")
                        : Answer.json(500, "{\"error\":\"intranet under maintenance\"}");
            });
            try {
                browser.open(base + "login.xhtml");
                browser.type("login:email", Demo.SOUTHWIND_OWNER);
                browser.type("login:password", Demo.PASSWORD);
                browser.click("login:signIn");
                browser.awaitUrlContains("/agency/clients.xhtml");
                browser.driver().findElement(By.xpath("//table//a[text()='" + Demo.INITECH + "']")).click();
                browser.awaitText("Times are shown in Europe/London");

                addChannel(browser, "Sandbox", "@initech-" + tag, sandboxName);
                browser.awaitText("Sandbox is Herald's built-in demo network");
                browser.awaitText("Connected since");

                LocalDateTime nextMinute = LocalDateTime.now(LONDON).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
                String onTime = "Opening hours " + tag;
                compose(browser, onTime, sandboxName, nextMinute);

                addChannel(browser, "Webhook", "intranet-" + tag, hookName);
                browser.type("connect:endpoint", receiver.baseUrl() + "/hook");
                browser.click("connect:secret");
                browser.awaitText("Signing secret (shown once)");
                String failing = "Canteen menu " + tag;
                compose(browser, failing, hookName, LocalDateTime.now(LONDON).truncatedTo(ChronoUnit.MINUTES));

                openPost(browser, failing);
                awaitPublicationState(browser, "Waiting to retry", Duration.ofSeconds(30));
                assertTrue(browser.text().contains("slow down"), "the network's reason is shown");
                awaitPublicationState(browser, "Failed", Duration.ofSeconds(60));
                assertTrue(browser.text().contains("intranet under maintenance"), browser.text());
                healthy.set(1);
                browser.click("publications:list:0:retry");
                browser.awaitText("Queued again");
                awaitPublicationState(browser, "Published", Duration.ofSeconds(30));
                assertEquals("https://intranet.example/" + tag, browser.driver().findElement(
                        By.id("publications:list:0:networkLink")).getAttribute("href"));

                openPost(browser, onTime);
                awaitPublicationState(browser, "Published", Duration.ofSeconds(150));
                browser.click("publications:list:0:networkLink");
                browser.driver().switchTo().window(browser.driver().getWindowHandles().stream().reduce((a, b) -> b).orElseThrow());
                browser.awaitText("Demo network: this feed lives inside Herald");
                browser.awaitText(onTime + " at Initech Labs");
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
        }
    }
}
