package app.herald.reporting.infrastructure;

import static app.herald.reporting.infrastructure.ReportFixture.aReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.reporting.domain.ReportContent;
import app.herald.reporting.domain.ReportContent.Branding;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReportWriterTest {

    private final PdfReportWriter writer = new PdfReportWriter();

    @Test
    void showsTheKpisFormattedByUnitWithTheirChange() throws IOException {
        String text = text(aReport().build());
        assertContains(text, "Impressions 123,456 100,000 +23.5 %");
        assertContains(text, "Engagement rate 3.4 % 3.5 % \u22124.0 %");
        assertContains(text, "Conversion value EUR 1,234.50 not available \u2014");
        assertContains(text, "Reach not available 5,000 \u2014");
    }

    @Test
    void coverNamesTheClientThePeriodTheBasisAndWhenItWasMade() throws IOException {
        String cover = text(writer.write(aReport().build(), null), 1, 1);
        assertContains(cover, "Northwind Social");
        assertContains(cover, "Acme Coffee");
        assertContains(cover, "1 Oct 2026 \u2013 31 Oct 2026");
        assertContains(cover, "Basis: Activity in the period");
        assertContains(cover, "Generated 1 Nov 2026, 08:15 (Europe/Berlin)");
    }

    @Test
    void theConversationsSectionShowsResponseTimesContactsAndWhoAnswered() throws IOException {
        String text = text(aReport().build());
        assertContains(text, "Conversations");
        assertContains(text, "Reply rate 83.6 %");
        assertContains(text, "First answer, median / 90% (business hours) 42 min / 4.0 h");
        assertContains(text, "Answered within 4.0 h 90.0 %");
        assertContains(text, "New contacts / returning / active 38 / 12 / 50");
        assertContains(text, "Dana Editor 44 40 39 min");
        assertFalse(text(aReport().withoutEngagement().build()).contains("Reply rate"));
    }

    @Test
    void listsTopPostsCampaignsWithRoiAndChannels() throws IOException {
        String text = text(aReport().build());
        assertContains(text, "Autumn blend launch");
        assertContains(text, "3 Oct 2026, 14:05");
        assertContains(text, "20,000 1,500 7.5 % 120 12");
        assertContains(text, "EUR 500.00 300 25 EUR 1,250.00 150.0 %");
        assertContains(text, "Brand awareness");
        assertContains(text, "Acme Coffee Instagram");
        assertContains(text, "10,000 10,150 +1.5 % 80,000 4,000");
        assertContains(text, "n/a: not available");
    }

    @Test
    void chartsHaveAxisLabelsAndMinMaxTicks() throws IOException {
        String text = text(aReport().build());
        assertContains(text, "Engagements per day");
        assertContains(text, "Followers");
        assertContains(text, "10,000");
        assertContains(text, "10,150");
        assertContains(text, "80");
    }

    @Test
    void aLongPeriodShowsEngagementsPerWeek() throws IOException {
        String text = text(aReport().withDaysUntil(LocalDate.of(2026, 12, 31)).build());
        assertContains(text, "Engagements per week");
        assertContains(text, "Week (Monday to Sunday)");
    }

    @Test
    void footerHasTheClientAndThePageNumberAfterTheCover() throws IOException {
        byte[] pdf = writer.write(aReport().build(), null);
        assertFalse(text(pdf, 1, 1).contains("Page 1"));
        String second = text(pdf, 2, 2);
        assertContains(second, "Page 2");
        assertContains(second, "Acme Coffee");
    }

    @Test
    void notesAppearOnlyWhenTheAgencyWroteSome() throws IOException {
        assertFalse(text(aReport().build()).contains("Notes from"));
        String text = text(aReport().withNotes("A strong month.\nThe launch carried it.").build());
        assertContains(text, "Notes from Northwind Social");
        assertContains(text, "A strong month.");
        assertContains(text, "The launch carried it.");
    }

    @Test
    void withALogoTheCoverShowsTheImageAndNamesTheAgencyBelow() throws IOException {
        ReportContent content = aReport()
                .withBranding(new Branding("Northwind Social", png(), "#1F4E79", "#F28C28")).build();
        byte[] pdf = writer.write(content, null);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, images(doc.getPage(0)));
        }
        assertContains(text(pdf, 1, 1), "Prepared by Northwind Social");
    }

    @Test
    void withoutALogoTheCoverHasNoImage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(writer.write(aReport().build(), null))) {
            assertEquals(0, images(doc.getPage(0)));
        }
    }

    @Test
    void aLogoThatIsNotAnImageFallsBackToTheAgencyName() throws IOException {
        ReportContent content = aReport()
                .withBranding(new Branding("Northwind Social", new byte[] {1, 2, 3}, "not a colour", null)).build();
        assertContains(text(writer.write(content, null), 1, 1), "Northwind Social");
    }

    @Test
    void anyUnicodeIsWrittenOrReplacedWithoutFailing() throws IOException {
        ReportContent content = aReport().withClientName("Caf\u00e9 Z\u00fcrich \u0141\u00f3d\u017a")
                .withBranding(new Branding("Agence \u00c9toile \u2728", null, "#FFEE00", "#000000"))
                .withTopPosts(ReportFixture.post("Caf\u00e9 \ud83d\ude00 \ud83d\udc69\u200d\ud83d\udcbb \u6771\u4eac"
                        + " \u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439"))
                .withNotes("Thanks \ud83d\ude4f\ufe0f\tsee you").build();
        String text = text(content);
        assertContains(text, "Caf\u00e9 Z\u00fcrich \u0141\u00f3d\u017a");
        assertContains(text, "Caf\u00e9 ? ?? ?? \u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439");
        assertContains(text, "Thanks ? see you");
    }

    @Test
    void helveticaStandsInWhenTheUnicodeFontIsMissing() throws Exception {
        PdfTheme theme = new PdfTheme(null,
                BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED));
        assertEquals("Caf\u00e9 -4.0 % ? ? \u2014", theme.clean("Cafe\u0301 \u22124.0 % \u0141 \ud83d\ude00\ufe0f \u2014"));
    }

    @Test
    void anEmptyReportStillRenders() throws IOException {
        String text = text(aReport().empty().build());
        assertContains(text, "Acme Coffee");
        assertContains(text, "No key figures for this period.");
        assertContains(text, "No follower counts for this period.");
        assertContains(text, "No engagement figures for this period.");
        assertContains(text, "No posts were published in this period.");
        assertContains(text, "No campaign activity in this period.");
        assertContains(text, "No channels in this report.");
    }

    @Test
    void reportsProgressUpToAHundred() {
        List<Integer> seen = new ArrayList<>();
        writer.write(aReport().build(), seen::add);
        assertEquals(0, seen.get(0));
        assertEquals(100, seen.get(seen.size() - 1));
        assertTrue(seen.size() > 4, "moves along the way: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "never goes back: " + seen);
        }
    }

    private String text(ReportContent content) throws IOException {
        return text(writer.write(content, null), 1, Integer.MAX_VALUE);
    }

    /** The pages' text with line breaks as spaces: a table row reads as one line. */
    private static String text(byte[] pdf, int fromPage, int toPage) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(fromPage);
            stripper.setEndPage(toPage);
            return stripper.getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static int images(PDPage page) throws IOException {
        int images = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                images++;
            }
        }
        return images;
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1F, 0x4E, 0x79));
        g.fillRect(0, 0, 120, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "expected \"" + expected + "\" in: " + text);
    }
}
