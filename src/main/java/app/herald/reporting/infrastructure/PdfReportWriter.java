package app.herald.reporting.infrastructure;

import app.herald.analytics.domain.FigureText;
import app.herald.reporting.domain.ReportContent;
import app.herald.reporting.domain.ReportContent.CampaignLine;
import app.herald.reporting.domain.ReportContent.ChannelLine;
import app.herald.reporting.domain.ReportContent.Engagement;
import app.herald.reporting.domain.ReportContent.Kpi;
import app.herald.reporting.domain.ReportContent.TopPost;
import app.herald.reporting.domain.ReportProgress;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A client's report as a white-label PDF: a cover in the agency's colours with its logo, then key figures, charts,
 * top posts, campaigns, channels and the agency's notes. Herald's name appears nowhere.
 */
public final class PdfReportWriter {

    private static final float MARGIN = 42;
    private static final float FOOTER_SPACE = 58;
    /** Room a section needs below its heading; with less left on the page the heading would stand alone. */
    private static final float MIN_SECTION_ROOM = 110;
    private static final float CHART_ROOM = 230;
    private static final String NA = "n/a";

    public byte[] write(ReportContent c, ReportProgress progress) {
        ReportProgress p = Objects.requireNonNullElse(progress, ReportProgress.IGNORED);
        p.at(0);
        PdfTheme theme = PdfTheme.of(c.branding());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, FOOTER_SPACE);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Footer(theme, c.clientName()));
            String agency = agencyName(c);
            doc.addTitle(theme.clean(c.clientName() + " \u2013 " + ReportFormats.period(c.from(), c.to())));
            doc.addAuthor(theme.clean(agency));
            doc.addCreator(theme.clean(agency));
            doc.open();
            new Layout(doc, writer, theme, c).write(p);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF report could not be laid out", e);
        }
        p.at(100);
        return out.toByteArray();
    }

    private static String lines(String first, String second) {
        return first == null || second == null ? Objects.toString(first, Objects.toString(second, ""))
                : first + "\n" + second;
    }

    private static String agencyName(ReportContent c) {
        return c.branding() == null || c.branding().agencyName() == null ? "" : c.branding().agencyName();
    }

    /** One document being written: saves passing the same four things to every section. */
    private static final class Layout {

        private final Document doc;
        private final PdfWriter writer;
        private final PdfTheme theme;
        private final ReportContent c;

        Layout(Document doc, PdfWriter writer, PdfTheme theme, ReportContent c) {
            this.doc = doc;
            this.writer = writer;
            this.theme = theme;
            this.c = c;
        }

        void write(ReportProgress p) throws DocumentException {
            cover();
            p.at(10);
            doc.newPage();
            kpis();
            p.at(25);
            charts();
            p.at(50);
            topPosts();
            p.at(65);
            campaigns();
            p.at(75);
            channels();
            p.at(80);
            engagement();
            p.at(85);
            notes();
            p.at(90);
        }

        private void cover() throws DocumentException {
            Image logo = logo();
            if (logo != null) {
                doc.add(logo);
            } else {
                doc.add(theme.paragraph(agencyName(c), 30, true, theme.primaryInk));
            }
            doc.add(new Paragraph(new Chunk(new LineSeparator(4, 100, theme.primary, Element.ALIGN_LEFT, 0))));
            Paragraph title = theme.paragraph("Social media report", 14, false, PdfTheme.MUTED);
            title.setSpacingBefore(120);
            doc.add(title);
            Paragraph client = theme.paragraph(c.clientName(), 32, true, PdfTheme.TEXT);
            client.setSpacingBefore(6);
            client.setSpacingAfter(10);
            doc.add(client);
            doc.add(theme.paragraph(ReportFormats.period(c.from(), c.to()), 16, false, theme.accentInk));
            Paragraph details = theme.paragraph("Basis: " + Objects.toString(c.basis(), ""), 10, false, PdfTheme.TEXT);
            details.setSpacingBefore(40);
            doc.add(details);
            doc.add(theme.paragraph("Generated " + ReportFormats.dateTime(c.generatedAt(), c.zone()), 10, false,
                    PdfTheme.TEXT));
            if (logo != null && !agencyName(c).isBlank()) {
                doc.add(theme.paragraph("Prepared by " + agencyName(c), 10, false, PdfTheme.MUTED));
            }
        }

        /** The agency's logo, or null: a logo that is not a readable image must not cost the client the report. */
        private Image logo() {
            byte[] png = c.branding() == null ? null : c.branding().logoPng();
            if (png == null || png.length == 0) {
                return null;
            }
            try {
                Image logo = Image.getInstance(png);
                logo.scaleToFit(220, 90);
                logo.setSpacingAfter(8);
                return logo;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private void kpis() throws DocumentException {
            section("Key figures");
            if (c.kpis().isEmpty()) {
                doc.add(theme.paragraph("No key figures for this period.", 10, false, PdfTheme.MUTED));
                return;
            }
            PdfPTable table = table(3.2f, 2f, 2f, 1.4f);
            table.addCell(theme.headerCell("Measure", theme.primary, Element.ALIGN_LEFT));
            table.addCell(theme.headerCell("This period", theme.primary, Element.ALIGN_RIGHT));
            table.addCell(theme.headerCell("Previous period", theme.accent, Element.ALIGN_RIGHT));
            table.addCell(theme.headerCell("Change", theme.accent, Element.ALIGN_RIGHT));
            boolean shaded = false;
            for (Kpi kpi : c.kpis()) {
                table.addCell(theme.cell(kpi.label(), Element.ALIGN_LEFT, shaded));
                table.addCell(theme.cell(FigureText.of(kpi.unit(), kpi.currency(), kpi.current()),
                        Element.ALIGN_RIGHT, shaded));
                table.addCell(theme.cell(FigureText.of(kpi.unit(), kpi.currency(), kpi.previous()),
                        Element.ALIGN_RIGHT, shaded));
                table.addCell(theme.cell(FigureText.change(kpi.change()), Element.ALIGN_RIGHT, shaded));
                shaded = !shaded;
            }
            doc.add(table);
            long days = ChronoUnit.DAYS.between(c.from(), c.to()) + 1;
            doc.add(theme.paragraph("Compared with the " + days + (days == 1 ? " day" : " days")
                    + " just before this period.", 7, false, PdfTheme.MUTED));
        }

        private void charts() throws DocumentException {
            PdfCharts charts = new PdfCharts(writer.getDirectContent(), theme, doc.right() - doc.left());
            List<PdfCharts.Point> followers = PdfCharts.followers(c.days());
            chartSection("Followers");
            if (PdfCharts.hasValues(followers)) {
                doc.add(charts.followersLine(followers));
            } else {
                doc.add(theme.paragraph("No follower counts for this period.", 10, false, PdfTheme.MUTED));
            }
            List<PdfCharts.Point> engagements = PdfCharts.engagementBuckets(c.days());
            boolean weekly = PdfCharts.weekly(c.days());
            chartSection(weekly ? "Engagements per week" : "Engagements per day");
            if (PdfCharts.hasValues(engagements)) {
                doc.add(charts.engagementBars(engagements, weekly));
            } else {
                doc.add(theme.paragraph("No engagement figures for this period.", 10, false, PdfTheme.MUTED));
            }
        }

        private void topPosts() throws DocumentException {
            section("Top posts");
            Rows rows = new Rows();
            for (TopPost post : c.topPosts()) {
                rows.add(post.title(), lines(post.channel(), post.network()),
                        ReportFormats.dateTime(post.publishedAt(), c.zone()), FigureText.count(post.impressions()),
                        FigureText.count(post.engagements()), FigureText.percent(post.engagementRate()),
                        FigureText.count(post.clicks()), FigureText.count(post.conversions()));
            }
            rows.addTo(new String[] {"Post", "Channel", "Published", "Impressions", "Engagements", "Eng. rate",
                "Clicks", "Conversions"}, new float[] {2.9f, 1.7f, 1.5f, 1.35f, 1.5f, 1.15f, 0.9f, 1.45f},
                    "No posts were published in this period.");
        }

        private void campaigns() throws DocumentException {
            section("Campaigns");
            Rows rows = new Rows();
            for (CampaignLine line : c.campaigns()) {
                rows.add(line.name(), FigureText.money(line.cost(), line.currency()),
                        FigureText.count(line.clicks()), FigureText.count(line.conversions()),
                        FigureText.money(line.conversionValue(), line.currency()),
                        line.roi() == null ? ReportFormats.NONE : FigureText.percent(line.roi()));
            }
            rows.addTo(new String[] {"Campaign", "Cost", "Clicks", "Conversions", "Conversion value", "ROI"},
                    new float[] {3f, 1.6f, 1f, 1.2f, 1.7f, 1.1f}, "No campaign activity in this period.");
            if (c.campaigns().stream().anyMatch(line -> line.roi() == null)) {
                doc.add(theme.paragraph("ROI: (conversion value \u2212 cost) / cost; \u2014 for a campaign without cost.",
                        7, false, PdfTheme.MUTED));
            }
        }

        private void channels() throws DocumentException {
            section("Channels");
            Rows rows = new Rows();
            for (ChannelLine line : c.channels()) {
                rows.add(line.name(), line.network(), FigureText.count(line.followersAtStart()),
                        FigureText.count(line.followersAtEnd()),
                        line.followerGrowthRate() == null ? NA : FigureText.change(line.followerGrowthRate()),
                        FigureText.count(line.impressions()), FigureText.count(line.engagements()));
            }
            rows.addTo(new String[] {"Channel", "Network", "Followers at start", "Followers at end", "Growth",
                "Impressions", "Engagements"}, new float[] {2.4f, 1.4f, 1.4f, 1.4f, 1.1f, 1.3f, 1.3f},
                    "No channels in this report.");
        }

        /** The inbox: its figures, then what came in by kind and network, then who answered. */
        private void engagement() throws DocumentException {
            Engagement e = c.engagement();
            if (e == null) {
                return;
            }
            section("Conversations");
            Rows figures = new Rows();
            figures.add("Came in (comments, replies, mentions, messages, likes, reposts, follows)",
                    FigureText.count(e.inbound()));
            figures.add("Conversations opened", FigureText.count(e.conversations()));
            figures.add("Reply rate", e.replyRate() == null ? NA : FigureText.percent(e.replyRate()));
            figures.add("First answer, median / 90% (all hours)", ReportFormats.duration(e.firstAnswerMedian())
                    + " / " + ReportFormats.duration(e.firstAnswerP90()));
            figures.add("First answer, median / 90% (business hours)", ReportFormats.duration(e.businessMedian())
                    + " / " + ReportFormats.duration(e.businessP90()));
            figures.add("Answered within " + ReportFormats.duration(e.target()),
                    e.withinTarget() == null ? NA : FigureText.percent(e.withinTarget()));
            figures.add("Resolution, median", ReportFormats.duration(e.resolutionMedian()));
            figures.add("New contacts / returning / active", e.newContacts() + " / " + e.returningContacts() + " / "
                    + e.activeContacts());
            figures.add("Followers gained who had interacted", FigureText.count(e.followersWhoInteracted()));
            figures.addTo(new String[] {"Measure", "This period"}, new float[] {5f, 2f}, "");
            Rows kinds = new Rows();
            e.byKind().forEach(k -> kinds.add(k.name(), FigureText.count(k.count())));
            e.byNetwork().forEach(n -> kinds.add(n.name(), FigureText.count(n.count())));
            kinds.addTo(new String[] {"By kind, then by network", "Came in"}, new float[] {5f, 2f},
                    "Nothing came in during this period.");
            Rows members = new Rows();
            e.members().forEach(m -> members.add(m.name(), FigureText.count(m.answers()), FigureText.count(m.firstAnswers()),
                    ReportFormats.duration(m.businessMedian())));
            members.addTo(new String[] {"Answered by", "Answers", "First answers", "Median (business hours)"},
                    new float[] {3f, 1.3f, 1.5f, 2.2f}, "No answer went out in this period.");
        }

        private void notes() throws DocumentException {
            if (c.notes().isBlank()) {
                return;
            }
            String agency = agencyName(c);
            section(agency.isBlank() ? "Notes" : "Notes from " + agency);
            doc.add(theme.paragraph(c.notes().strip(), 10, false, PdfTheme.TEXT));
        }

        private void section(String title) throws DocumentException {
            startPageIfBelow(MIN_SECTION_ROOM);
            doc.add(theme.heading(title));
        }

        private void chartSection(String title) throws DocumentException {
            startPageIfBelow(CHART_ROOM);
            doc.add(theme.heading(title));
        }

        private void startPageIfBelow(float room) {
            if (writer.getVerticalPosition(true) - doc.bottom() < room) {
                doc.newPage();
            }
        }

        private PdfPTable table(float... widths) throws DocumentException {
            PdfPTable table = new PdfPTable(widths.length);
            table.setWidthPercentage(100);
            table.setWidths(widths);
            table.setHeaderRows(1);
            // Without it the table starts on the heading's baseline and cuts its descenders.
            table.setSpacingBefore(4);
            table.setSpacingAfter(4);
            return table;
        }

        /** A detail table's rows: the first column is text, the others figures; "n/a" keeps narrow columns narrow. */
        private final class Rows {

            private final List<String[]> rows = new ArrayList<>();
            private boolean notAvailable;

            void add(String... cells) {
                for (int i = 0; i < cells.length; i++) {
                    if (FigureText.NOT_AVAILABLE.equals(cells[i]) || NA.equals(cells[i])) {
                        cells[i] = NA;
                        notAvailable = true;
                    }
                }
                rows.add(cells);
            }

            void addTo(String[] headers, float[] widths, String whenEmpty) throws DocumentException {
                if (rows.isEmpty()) {
                    doc.add(theme.paragraph(whenEmpty, 10, false, PdfTheme.MUTED));
                    return;
                }
                PdfPTable table = table(widths);
                for (int i = 0; i < headers.length; i++) {
                    table.addCell(theme.headerCell(headers[i], theme.primary, alignment(i)));
                }
                for (int r = 0; r < rows.size(); r++) {
                    String[] row = rows.get(r);
                    for (int i = 0; i < row.length; i++) {
                        table.addCell(theme.cell(row[i], alignment(i), r % 2 == 1));
                    }
                }
                doc.add(table);
                if (notAvailable) {
                    doc.add(theme.paragraph("n/a: not available.", 7, false, PdfTheme.MUTED));
                }
            }

            private int alignment(int column) {
                return column <= 1 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT;
            }
        }
    }

    /** The client's name and the page number under every page but the cover. */
    private static final class Footer extends PdfPageEventHelper {

        private final PdfTheme theme;
        private final String clientName;

        Footer(PdfTheme theme, String clientName) {
            this.theme = theme;
            this.clientName = theme.clean(clientName);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            if (writer.getPageNumber() == 1) {
                return;
            }
            PdfContentByte canvas = writer.getDirectContent();
            float y = document.bottom() - 22;
            canvas.saveState();
            canvas.setColorStroke(theme.primary);
            canvas.setLineWidth(0.8f);
            canvas.moveTo(document.left(), y + 12);
            canvas.lineTo(document.right(), y + 12);
            canvas.stroke();
            canvas.beginText();
            canvas.setFontAndSize(theme.font, 8);
            canvas.setColorFill(PdfTheme.MUTED);
            canvas.showTextAligned(Element.ALIGN_LEFT, clientName, document.left(), y, 0);
            canvas.showTextAligned(Element.ALIGN_RIGHT, "Page " + writer.getPageNumber(), document.right(), y, 0);
            canvas.endText();
            canvas.restoreState();
        }
    }
}
