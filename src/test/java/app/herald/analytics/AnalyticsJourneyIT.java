package app.herald.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.testsupport.Browser;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser, as Acme Coffee's client approver: the analytics page shows the demo year's figures and draws its
 * charts; a PDF report is asked for, its progress shows, and once ready it downloads as a PDF about Acme Coffee. The
 * approver cannot open another client's analytics.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnalyticsJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HeraldDeployment.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void theClientApproverSeesChartsAndDownloadsAPdfReport(TestInfo test) throws Exception {
        try (Browser browser = new Browser()) {
            try {
                browser.open(base + "login.xhtml");
                browser.type("login:email", Demo.ACME_APPROVER);
                browser.type("login:password", Demo.PASSWORD);
                browser.click("login:signIn");
                browser.awaitText(Demo.ACME);
                browser.open(browser.visible("analyticsTab").getAttribute("href"));
                browser.awaitText("Engagement rate (by impressions)");
                assertEquals(List.of(), browser.accessibilityViolations(), "serious or critical accessibility violations"
                        + " (axe-core) on the analytics page");

                List<WebElement> charts = browser.driver().findElements(By.cssSelector("canvas"));
                assertTrue(charts.size() >= 4, "followers, engagement, clicks and campaign charts: " + charts.size());
                for (WebElement chart : charts.subList(0, 4)) {
                    assertTrue(chart.getSize().getWidth() > 100 && chart.getSize().getHeight() > 100,
                            "a chart is drawn at a visible size: " + chart.getSize());
                }
                for (String table : new String[] {"analytics:followerRows", "analytics:periodRows"}) {
                    List<WebElement> cells = browser.driver().findElements(By.cssSelector("[id='" + table
                            + "_data'] tr td:nth-child(2)"));
                    assertTrue(cells.stream().anyMatch(c -> c.getAttribute("textContent").matches(".*[0-9].*")),
                            "the charts' figures are also a table: " + table);
                }
                List<String> values = browser.driver().findElements(By.cssSelector(".herald-kpi-value")).stream()
                        .map(WebElement::getText).toList();
                assertTrue(values.stream().anyMatch(v -> v.matches("[0-9][0-9,]+")), "the demo year has numbers: "
                        + values);
                assertFalse(browser.text().contains("Campaign ROI") && browser.text().contains("No campaigns yet"),
                        "the demo campaigns are listed");

                browser.driver().findElement(By.xpath("//*[@id='analytics:preset']//*[text()='12 months']")).click();
                browser.awaitText("compared with the 365 days before");
                browser.choose("analytics:channel", "Stories");
                browser.click("analytics:apply");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(
                                By.cssSelector("[id='analytics:preset'] input[value='custom']")).isSelected());
                assertFalse(browser.text().contains("Something went wrong"), "a filtered view opens");
                assertTrue(browser.text().contains("compared with the 365 days before"), browser.text());

                browser.open(browser.visible("reportsTab").getAttribute("href"));
                browser.click("report:build");
                browser.awaitText("Your report is being built");
                browser.visible("history:reports:0:progress");
                WebElement download = new WebDriverWait(browser.driver(), Duration.ofSeconds(60), Duration.ofSeconds(1))
                        .until(d -> d.findElements(By.id("history:reports:0:download")).stream().findFirst()
                                .orElse(null));
                String href = download.getAttribute("href");
                assertTrue(download.getText().endsWith(".pdf"), download.getText());

                Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
                HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                        .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, pdf.statusCode());
                assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
                PdfReader reader = new PdfReader(pdf.body());
                String cover = new PdfTextExtractor(reader).getTextFromPage(1);
                assertTrue(cover.contains(Demo.ACME), cover);
                assertTrue(reader.getNumberOfPages() >= 2, "cover and figures");

                String otherClient = href.replaceAll("client=\\d+", "client=999999");
                HttpResponse<byte[]> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(otherClient)).header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(404, refused.statusCode(), "another client's report is not found");
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
        }
    }
}
