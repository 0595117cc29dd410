package app.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.testsupport.Browser;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.MailForTests;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.openqa.selenium.Keys;
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
    private static final int PHONE_WIDTH = 375;

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

    /** Serious and critical axe-core violations per screen, asserted together at the end of the journey. */
    private final java.util.Map<String, List<String>> inaccessible = new java.util.LinkedHashMap<>();

    private void checkAccessibility(Browser browser, String screen, String... rulesLeftOut) {
        List<String> violations = browser.accessibilityViolations(rulesLeftOut);
        if (!violations.isEmpty()) {
            inaccessible.put(screen, violations);
        }
    }

    private static void assertFitsThePhone(Browser browser, String screen) {
        assertEquals(0, browser.overflowX(), screen + " must not scroll sideways at " + PHONE_WIDTH + " px");
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
        // Leave the field, which closes its calendar and sends its change, before sending the form.
        browser.driver().findElement(By.id("compose:when_input")).sendKeys(Keys.TAB);
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
                browser.open(base + "login.xhtml");
                browser.visible("login:email");
                checkAccessibility(browser, "sign-in");
                signIn(browser, Demo.NORTHWIND_EDITOR);
                browser.awaitUrlContains("/agency/clients.xhtml");
                checkAccessibility(browser, "clients");
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
                checkAccessibility(browser, "composer");

                browser.click("compose:submit");
                browser.awaitText("Sent for review.");
                browser.awaitText(title);
                composeAndSubmit(browser, second, when);
                signOut(browser);

                signIn(browser, MANAGER);
                browser.awaitUrlContains("/agency/clients.xhtml");
                openAcmePosts(browser);
                browser.awaitText("Waiting for you");
                checkAccessibility(browser, "review queue");
                approveInQueue(browser, title);
                approveInQueue(browser, second);
                signOut(browser);

                // The client's approver is on a phone: the queue, a post, the e-mailed link and the calendar's list.
                browser.resize(PHONE_WIDTH, 812);
                signIn(browser, Demo.ACME_APPROVER);
                browser.awaitUrlContains("/client/home.xhtml");
                assertFitsThePhone(browser, "the client's home");
                assertTrue(browser.visible("waitingCard").getText().contains(title), "the home lists what waits for them");
                checkAccessibility(browser, "client home");
                browser.click("postsTab");
                browser.awaitText("Waiting for you");
                assertFitsThePhone(browser, "the review queue");
                approveInQueue(browser, title);
                WebElement row = browser.driver().findElement(
                        By.xpath("//*[@id='postList:all']//tr[td[contains(normalize-space(.), '" + title + "')]]"));
                assertTrue(row.getText().contains("Approved"), row.getText());
                row.findElement(By.tagName("a")).click();
                browser.awaitText("Review history");
                assertFitsThePhone(browser, "a post");
                checkAccessibility(browser, "post");
                signOut(browser);

                String mail = MailForTests.awaitMail(Demo.ACME_APPROVER, "Please review: " + second);
                browser.open(MailForTests.link(mail));
                browser.awaitText(second);
                assertFitsThePhone(browser, "the e-mailed approval link");
                browser.click("decide:approve");
                browser.awaitText("Approved. Thank you!");

                signIn(browser, Demo.ACME_APPROVER);
                browser.awaitUrlContains("/client/home.xhtml");
                browser.click("calendarTab");
                browser.driver().findElement(By.cssSelector(".fc-listMonth-button")).click();
                if (tomorrow.getMonthValue() != LocalDate.now(ZoneId.of("Europe/Berlin")).getMonthValue()) {
                    browser.driver().findElement(By.cssSelector(".fc-next-button")).click();
                }
                browser.awaitText("10:00");
                for (String approved : new String[] {title, second}) {
                    browser.awaitText(approved + " · Approved");
                }
                assertFitsThePhone(browser, "the calendar's list");
                signOut(browser);
                browser.resize(1280, 900);

                signIn(browser, Demo.NORTHWIND_EDITOR);
                browser.awaitUrlContains("/agency/clients.xhtml");
                openAcmePosts(browser);
                browser.click("calendarTab");
                if (tomorrow.getMonthValue() != LocalDate.now(ZoneId.of("Europe/Berlin")).getMonthValue()) {
                    browser.driver().findElement(By.cssSelector(".fc-next-button")).click();
                }
                browser.awaitText(title + " · Approved");
                // FullCalendar names each day cell by its date (right for a grid cell) while the cell also shows its
                // events, which axe's label-content-name-mismatch reads as a mismatch; every other rule still runs.
                checkAccessibility(browser, "calendar", "label-content-name-mismatch");
                // One day later: the next cell, or from Saturday (the last column) the next row's Sunday. (A day
                // earlier would be today, its time perhaps already past, on a Friday.)
                boolean lastColumn = tomorrow.getDayOfWeek() == java.time.DayOfWeek.SATURDAY;
                LocalDate target = tomorrow.plusDays(1);
                WebElement cell = browser.driver().findElement(By.cssSelector("td[data-date='" + tomorrow + "']"));
                WebElement event = cell.findElement(By.xpath(".//*[contains(@class,'fc-event')][.//*[contains(text(),'"
                        + title + "')]]"));
                new org.openqa.selenium.interactions.Actions(browser.driver()).clickAndHold(event).pause(300)
                        .moveByOffset((lastColumn ? -6 : 1) * cell.getSize().getWidth(),
                                lastColumn ? cell.getSize().getHeight() : 0).pause(300).release().perform();
                browser.awaitText("Moved. Its approval is kept.");
                browser.driver().navigate().refresh();
                if (target.getMonthValue() != LocalDate.now(ZoneId.of("Europe/Berlin")).getMonthValue()) {
                    browser.driver().findElement(By.cssSelector(".fc-next-button")).click();
                }
                new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20)).until(d -> !d.findElements(
                        By.xpath("//td[@data-date='" + target + "']//*[contains(text(),'" + title + " · Approved')]")).isEmpty());
                assertEquals(java.util.Map.of(), inaccessible, "serious or critical accessibility violations (axe-core)");
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
        }
    }

    private static String pageReport(Browser browser) {
        // Without thousands separators, whichever the browser's locale puts in.
        return browser.driver().findElement(By.cssSelector("[id='postList:all'] .ui-paginator-current")).getText()
                .replaceAll("(\\d)[,.\u00A0\u202F](\\d{3})", "$1$2");
    }

    /** Waits for a condition on a table that PrimeFaces replaces while it is read. */
    private static void awaitTable(Browser browser, java.util.function.Predicate<Browser> condition) {
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> condition.test(browser));
    }

    private static void awaitPage(Browser browser, String report) {
        awaitTable(browser, b -> pageReport(b).equals(report));
    }

    private static List<String> shownTitles(Browser browser) {
        return browser.driver().findElements(By.cssSelector("[id='postList:all_data'] tr td:first-child a")).stream()
                .map(WebElement::getText).toList();
    }

    /**
     * On a 1366 px laptop: the owner's navigation is one line. A client with a thousand posts more: the owner imports
     * them in one CSV, and the Posts page shows 25 at a time, counts them all, pages, sorts by title and finds one by
     * its words, reading only a page from the database.
     */
    /** A saved draft is deleted from the composer after a confirmation, and is gone from the client's posts. */
    @Test
    void anEditorDeletesADraftFromTheComposer(TestInfo test) {
        String title = "Second thoughts " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = new Browser()) {
            try {
                signIn(browser, Demo.NORTHWIND_EDITOR);
                browser.awaitUrlContains("/agency/clients.xhtml");
                openAcmePosts(browser);
                browser.click("composeTab");
                browser.type("compose:title", title);
                browser.type("compose:base", "Maybe not.");
                browser.driver().findElement(By.xpath("//label[contains(text(),'· Mastodon')]")).click();
                browser.awaitText("/ 500 characters");
                browser.click("compose:save");
                browser.awaitText("Saved.");
                browser.click("compose:discard");
                new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(
                        ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
                browser.awaitText("Draft deleted.");
                browser.awaitUrlContains("/client/posts.xhtml");
                assertFalse(browser.text().contains(title), "the draft is no longer listed");
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
        }
    }

    @Test
    void aThousandPostsAreReadAPageAtATime(TestInfo test) {
        String tag = "p" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("date,time,text,channels\n");
        LocalDate first = LocalDate.now(ZoneId.of("Europe/London")).plusYears(1).withDayOfMonth(1);
        for (int i = 0; i < 1000; i++) {
            csv.append(first.plusDays(i % 28)).append(',').append(String.format("%02d:%02d", 8 + i % 10, i % 60))
                    .append(",Paging ").append(tag).append(' ').append(String.format("%04d", i)).append(",@initechlabs\n");
        }
        try (Browser browser = new Browser(1366, 768)) {
            try {
                signIn(browser, Demo.SOUTHWIND_OWNER);
                browser.awaitUrlContains("/agency/clients.xhtml");
                List<Integer> rows = browser.driver().findElements(By.cssSelector(
                        ".herald-top [role=menubar] > li, .herald-top .brand, .herald-top .who, #signOutForm\\:signOut"))
                        .stream().map(e -> e.getRect().getY() + e.getRect().getHeight() / 2).distinct().toList();
                assertTrue(rows.stream().mapToInt(Integer::intValue).max().orElseThrow()
                        - rows.stream().mapToInt(Integer::intValue).min().orElseThrow() <= 4, "one line: " + rows);
                assertTrue(browser.driver().findElements(By.cssSelector(".herald-top [role=menubar] > li")).size() >= 6,
                        "the owner's whole menu is there");
                browser.driver().findElement(By.xpath("//table//a[text()='" + Demo.INITECH + "']")).click();
                browser.click("importTab");
                browser.visible("import:csv");
                ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "document.getElementById('import:csv').value = arguments[0];", csv.toString());
                browser.click("import:check");
                browser.click("import:importAll");
                browser.awaitText("1000 draft posts imported.");

                String all = pageReport(browser);
                assertTrue(all.startsWith("1–25 of "), all);
                assertTrue(Integer.parseInt(all.substring("1–25 of ".length())) >= 1000, all);
                assertEquals(25, browser.driver().findElements(By.cssSelector("[id='postList:all_data'] > tr")).size());

                browser.type("postList:words", tag);
                browser.click("postList:search");
                awaitPage(browser, "1–25 of 1000");
                browser.click("postList:all:title");
                awaitTable(browser, b -> shownTitles(b).get(0).equals("Paging " + tag + " 0000"));
                assertEquals("Paging " + tag + " 0024", shownTitles(browser).get(24), "sorted by title");
                browser.driver().findElement(By.cssSelector("[id='postList:all'] .ui-paginator-next")).click();
                awaitPage(browser, "26–50 of 1000");
                assertEquals("Paging " + tag + " 0025", shownTitles(browser).get(0));
                browser.driver().findElement(By.cssSelector("[id='postList:all'] .ui-paginator-last")).click();
                awaitPage(browser, "976–1000 of 1000");
                assertEquals("Paging " + tag + " 0999", shownTitles(browser).get(24));

                browser.type("postList:words", tag + " 0777");
                browser.click("postList:search");
                awaitPage(browser, "1–1 of 1");
                assertEquals(List.of("Paging " + tag + " 0777"), shownTitles(browser));
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
        }
    }
}
