package app.herald.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.testsupport.Browser;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import java.net.URL;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inbox in a real browser. On Initech Labs (answers go out without review): a comment the Sandbox's audience
 * writes appears in the open inbox without a reload; the owner assigns it, tags it and answers with a saved reply;
 * the conversation waits (Pending) until the person writes again (New), and ticked in the list it is marked done; a
 * rule hides a spam comment, whose markup shows as text. On Acme Coffee (answers reviewed by the agency, then by the
 * client): the answer waits for the manager, then for the client's approver on a phone, and only then reaches the
 * Sandbox. The agency's portfolio compares the inboxes of the clients a member may open, and no others. The inbox,
 * the answers page and the portfolio pass axe-core.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EngagementJourneyIT {

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
        browser.awaitUrlContains("/agency/");
    }

    /** The address of a client's page, found from the clients list as a person would. */
    private String client(Browser browser, String name) {
        browser.open(base + "agency/clients.xhtml");
        String href = browser.driver().findElement(By.linkText(name)).getAttribute("href");
        return href.substring(href.indexOf("client=") + "client=".length()).replaceAll("[^0-9].*", "");
    }

    /** The client's first Sandbox channel's feed, through the channels page's link. */
    private void sandboxFeed(Browser browser, String clientId) {
        browser.open(base + "client/channels.xhtml?client=" + clientId);
        browser.open(browser.driver().findElements(By.xpath("//a[text()='Feed']")).get(0).getAttribute("href"));
        browser.awaitText("Speak as the audience");
    }

    private void speak(Browser browser, String who, String kind, String toPart, String words) {
        browser.choose("audience:person", who);
        browser.choose("audience:kind", kind);
        if (toPart != null) {
            browser.choose("audience:to", toPart);
        }
        browser.type("audience:words", words);
        browser.click("audience:say");
        browser.awaitText("Said. The inbox reads it in a moment.");
    }

    private void openConversation(Browser browser, String words) {
        browser.driver().findElement(By.xpath("//a[contains(@class,'herald-inbox-item')][contains(., '" + words + "')]"))
                .click();
        browser.awaitText("Internal notes");
    }

    private void awaitState(Browser browser, String label) {
        // The live update may replace the element between finding it and reading it.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(300))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> label.equals(d.findElement(By.id("conversationState")).getText()));
    }

    @Test
    void aCommentArrivesLiveIsWorkedAndAnsweredAndTheNextWordReopensIt(TestInfo test) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String question = "Do you deliver on Sundays? " + tag;
        try (Browser inbox = new Browser(); Browser audience = new Browser()) {
            try {
                signIn(inbox, Demo.SOUTHWIND_OWNER);
                String initech = client(inbox, Demo.INITECH);
                inbox.open(base + "client/inbox.xhtml?client=" + initech);
                inbox.awaitText("Inbox");
                ((JavascriptExecutor) inbox.driver()).executeScript("window.heraldStillHere = true;");
                assertEquals(List.of(), inbox.accessibilityViolations(), "the inbox passes axe-core");

                signIn(audience, Demo.SOUTHWIND_OWNER);
                sandboxFeed(audience, initech);
                String feed = audience.driver().getCurrentUrl();
                speak(audience, "Tom Okafor", "Comment", "Initech", question);

                inbox.awaitText(question);
                assertEquals(Boolean.TRUE, ((JavascriptExecutor) inbox.driver())
                        .executeScript("return window.heraldStillHere === true;"), "it appeared without a reload");

                openConversation(inbox, question);
                awaitState(inbox, "New");
                inbox.choose("conversationHead:assignee", "Sam Owner");
                inbox.awaitText("Assigned to Sam Owner.");
                inbox.type("conversationHead:newTag", "delivery");
                inbox.click("conversationHead:addTag");
                inbox.awaitText("delivery");
                inbox.choose("replyBox:saved", "Opening hours");
                // Choosing a saved reply re-renders the box: the element read may be replaced while it is read.
                new WebDriverWait(inbox.driver(), Duration.ofSeconds(10))
                        .ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(By.id("replyBox:text")).getAttribute("value")
                                .startsWith("Hi Tom! Initech Labs is open"));
                assertEquals(List.of(), inbox.accessibilityViolations(), "the open conversation passes axe-core");
                inbox.click("replyBox:send");
                awaitState(inbox, "Pending");
                inbox.awaitText("Published");

                audience.open(feed);
                audience.awaitText("Answer to Tom Okafor");
                speak(audience, "Tom Okafor", "Reply", "Answer to Tom Okafor", "Great, see you Sunday " + tag);
                awaitState(inbox, "New");
                inbox.awaitText("Great, see you Sunday " + tag);

                inbox.open(base + "client/inbox.xhtml?client=" + initech + "&q=" + tag);
                inbox.driver().findElement(By.xpath("//tr[contains(., 'Great, see you Sunday " + tag + "')]"
                        + "//div[contains(@class,'ui-chkbox-box')]")).click();
                inbox.click("inbox:bulkDone");
                inbox.awaitText("1 marked done.");
                assertTrue(!inbox.text().contains("Great, see you Sunday " + tag), "done leaves the open view");

                String markup = "<img src=x onerror=alert(1)><b>50% off</b>";
                speak(audience, "Top Deals 4 U", "Comment", "Initech", "Buy cheap followers now " + tag + " " + markup);
                inbox.open(base + "client/inbox.xhtml?client=" + initech + "&state=DONE&q=" + tag);
                new WebDriverWait(inbox.driver(), Duration.ofSeconds(30), Duration.ofSeconds(1)).until(d -> {
                    if (d.getPageSource().contains("Buy cheap followers now " + tag)) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
                openConversation(inbox, "Buy cheap followers now " + tag);
                inbox.awaitText("Hidden.");
                assertTrue(inbox.text().contains("spam"), "tagged by the rule");
                assertTrue(inbox.text().contains(markup), "a stranger's markup is shown as the words they typed");
                assertEquals(List.of(), inbox.driver().findElements(By.cssSelector("img[src='x'], b")),
                        "and never becomes an element");
            } catch (RuntimeException | AssertionError e) {
                inbox.keepEvidence(test.getDisplayName() + "-inbox");
                audience.keepEvidence(test.getDisplayName() + "-audience");
                throw e;
            }
        }
    }

    @Test
    void anAnswerWaitsForTheAgencyThenForTheClientOnAPhoneAndOnlyThenGoesOut(TestInfo test) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String complaint = "My parcel is late " + tag;
        String answer = "So sorry, it ships today " + tag;
        try (Browser owner = new Browser(); Browser manager = new Browser(); Browser client = new Browser(375, 812)) {
            try {
                signIn(owner, Demo.NORTHWIND_OWNER);
                String acme = client(owner, Demo.ACME);
                sandboxFeed(owner, acme);
                String feed = owner.driver().getCurrentUrl();
                speak(owner, "Lukas Berger", "Direct message", null, complaint);
                owner.open(base + "client/inbox.xhtml?client=" + acme);
                owner.awaitText(complaint);
                openConversation(owner, complaint);
                owner.type("replyBox:text", answer);
                owner.click("replyBox:send");
                owner.awaitText("In internal review");

                signIn(manager, "manager@northwind.test");
                manager.open(base + "client/answers.xhtml?client=" + acme);
                manager.awaitText(answer);
                approve(manager, answer);
                manager.awaitText("Approved: it goes out now.");

                client.open(base + "login.xhtml");
                client.type("login:email", Demo.ACME_APPROVER);
                client.type("login:password", Demo.PASSWORD);
                client.click("login:signIn");
                client.awaitUrlContains("/client/");
                client.open(base + "client/answers.xhtml?client=" + acme);
                client.awaitText(answer);
                assertEquals(0L, client.overflowX(), "the answers page fits a phone");
                assertEquals(List.of(), client.accessibilityViolations(), "the answers page passes axe-core");
                owner.open(feed);
                assertTrue(!owner.text().contains(answer), "nothing went out before the client approved");
                approve(client, answer);
                client.awaitText("Approved: it goes out now.");

                new WebDriverWait(owner.driver(), Duration.ofSeconds(30), Duration.ofSeconds(1)).until(d -> {
                    if (d.getPageSource().contains(answer)) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
                assertTrue(owner.text().contains("Answer to Lukas Berger"), "under the person's message");
            } catch (RuntimeException | AssertionError e) {
                owner.keepEvidence(test.getDisplayName() + "-owner");
                manager.keepEvidence(test.getDisplayName() + "-manager");
                client.keepEvidence(test.getDisplayName() + "-client");
                throw e;
            }
        }
    }

    @Test
    void thePortfolioComparesTheInboxesOfOnlyTheClientsAMemberMayOpen(TestInfo test) {
        try (Browser owner = new Browser(); Browser editor = new Browser()) {
            try {
                signIn(owner, Demo.NORTHWIND_OWNER);
                owner.open(base + "agency/portfolio.xhtml");
                WebElement table = owner.visible("portfolio:inboxes");
                assertTrue(table.getText().contains(Demo.ACME) && table.getText().contains(Demo.GLOBEX),
                        "both of Northwind's clients: " + table.getText());
                assertTrue(!table.getText().contains(Demo.INITECH), "not another agency's client");
                String acme = table.findElement(By.xpath(".//tr[contains(., '" + Demo.ACME + "')]")).getText();
                assertTrue(acme.matches("(?s).*\\b\\d{1,3}%.*"), "the demo's answers give Acme a reply rate: " + acme);
                assertEquals(List.of(), owner.accessibilityViolations(), "the portfolio passes axe-core");

                signIn(editor, Demo.NORTHWIND_EDITOR);
                editor.open(base + "agency/portfolio.xhtml");
                String limited = editor.visible("portfolio:inboxes").getText();
                assertTrue(limited.contains(Demo.ACME) && !limited.contains(Demo.GLOBEX),
                        "an editor limited to Acme sees Acme's inbox only: " + limited);
            } catch (RuntimeException | AssertionError e) {
                owner.keepEvidence(test.getDisplayName() + "-owner");
                editor.keepEvidence(test.getDisplayName() + "-editor");
                throw e;
            }
        }
    }

    /** Presses Approve beside the answer with these words. */
    private static void approve(Browser browser, String words) {
        WebElement article = browser.driver().findElement(By.xpath("//article[contains(., '" + words + "')]"));
        article.findElement(By.xpath(".//button[contains(@id,'approve')]")).click();
    }
}
