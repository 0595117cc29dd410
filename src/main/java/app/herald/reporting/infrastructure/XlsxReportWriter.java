package app.herald.reporting.infrastructure;

import app.herald.analytics.domain.Headline;
import app.herald.reporting.domain.ReportContent;
import app.herald.reporting.domain.ReportContent.CampaignLine;
import app.herald.reporting.domain.ReportContent.ChannelLine;
import app.herald.reporting.domain.ReportContent.Day;
import app.herald.reporting.domain.ReportContent.Kpi;
import app.herald.reporting.domain.ReportContent.TopPost;
import app.herald.reporting.domain.ReportProgress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A client's report as a workbook for further analysis: a "Report" sheet saying what it is, then one sheet per
 * dataset. Every figure is a number cell with a display format (never text), every date a date cell, and a figure
 * that is not available is an empty cell, so that sums and charts in Excel or LibreOffice work as they are.
 *
 * <p>The sheets are small (a day per row at most), so the whole workbook is built in memory with XSSF rather than
 * streamed through temporary files with SXSSF.
 */
public final class XlsxReportWriter {

    static final String REPORT = "Report";
    static final String KPIS = "KPIs";
    static final String DAILY = "Daily";
    static final String TOP_POSTS = "Top posts";
    static final String CAMPAIGNS = "Campaigns";
    static final String CHANNELS = "Channels";
    static final String ENGAGEMENT = "Conversations";

    public byte[] write(ReportContent c, ReportProgress progress) {
        ReportProgress p = Objects.requireNonNullElse(progress, ReportProgress.IGNORED);
        p.at(0);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XlsxGrid.Styles styles = new XlsxGrid.Styles(workbook);
            report(workbook, styles, c);
            p.at(10);
            kpis(workbook, styles, c);
            p.at(20);
            daily(workbook, styles, c);
            p.at(45);
            topPosts(workbook, styles, c);
            p.at(60);
            campaigns(workbook, styles, c);
            p.at(70);
            channels(workbook, styles, c);
            p.at(75);
            engagement(workbook, styles, c);
            p.at(80);
            String agency = c.branding() == null ? null : c.branding().agencyName();
            // White label: the file's author is the agency, not the library that wrote it.
            workbook.getProperties().getCoreProperties().setCreator(Objects.toString(agency, ""));
            workbook.getProperties().getCoreProperties()
                    .setTitle(c.clientName() + " \u2013 " + ReportFormats.period(c.from(), c.to()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            p.at(100);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The XLSX report could not be written", e);
        }
    }

    private static void report(XSSFWorkbook workbook, XlsxGrid.Styles styles, ReportContent c) {
        XlsxGrid grid = new XlsxGrid(workbook, REPORT, styles, 16, 70);
        grid.row().label("Client").text(c.clientName());
        grid.row().label("Agency").text(c.branding() == null ? null : c.branding().agencyName());
        grid.row().label("Period").text(ReportFormats.period(c.from(), c.to()));
        grid.row().label("From").date(c.from());
        grid.row().label("To").date(c.to());
        grid.row().label("Basis").text(c.basis());
        grid.row().label("Time zone").text(c.zone().getId());
        grid.row().label("Generated").dateTime(c.generatedAt() == null ? null
                : LocalDateTime.ofInstant(c.generatedAt(), c.zone()));
        if (!c.notes().isBlank()) {
            grid.row().label("Notes").wrappedText(c.notes().strip());
        }
    }

    private static void kpis(XSSFWorkbook workbook, XlsxGrid.Styles styles, ReportContent c) {
        XlsxGrid grid = new XlsxGrid(workbook, KPIS, styles, 30, 10, 10, 16, 16, 12)
                .header("Measure", "Unit", "Currency", "Current", "Previous", "Change");
        for (Kpi kpi : c.kpis()) {
            CellStyle style = switch (kpi.unit()) {
                case COUNT -> styles.count;
                case PERCENT -> styles.percent;
                case MONEY -> styles.money;
            };
            grid.row().text(kpi.label()).text(kpi.unit().name().toLowerCase(Locale.ROOT))
                    .text(kpi.unit() == Headline.Unit.MONEY ? kpi.currency() : null)
                    .number(kpi.current(), style).number(kpi.previous(), style).number(kpi.change(), styles.change);
        }
        grid.finish();
    }

    private static void daily(XSSFWorkbook workbook, XlsxGrid.Styles styles, ReportContent c) {
        XlsxGrid grid = new XlsxGrid(workbook, DAILY, styles, 12, 14, 14, 10, 12, 12, 10, 10)
                .header("Date", "Impressions", "Engagements", "Clicks", "Conversions", "Followers", "Came in",
                        "Answers");
        for (Day day : c.days()) {
            grid.row().date(day.date()).number(day.impressions(), styles.count)
                    .number(day.engagements(), styles.count).number(day.clicks(), styles.count)
                    .number(day.conversions(), styles.count).number(day.followers(), styles.count)
                    .number(day.inbound(), styles.count).number(day.answers(), styles.count);
        }
        grid.finish();
    }

    private static void topPosts(XSSFWorkbook workbook, XlsxGrid.Styles styles, ReportContent c) {
        XlsxGrid grid = new XlsxGrid(workbook, TOP_POSTS, styles, 50, 12, 20, 17, 14, 14, 16, 10, 12)
                .header("Post", "Network", "Channel", "Published", "Impressions", "Engagements",
                        "Engagement rate", "Clicks", "Conversions");
        for (TopPost post : c.topPosts()) {
            grid.row().text(post.title()).text(post.network()).text(post.channel())
                    .dateTime(post.publishedAt() == null ? null
                            : post.publishedAt().withZoneSameInstant(c.zone()).toLocalDateTime())
                    .number(post.impressions(), styles.count).number(post.engagements(), styles.count)
                    .number(post.engagementRate(), styles.percent).number(post.clicks(), styles.count)
                    .number(post.conversions(), styles.count);
        }
        grid.finish();
    }

    private static void campaigns(XSSFWorkbook workbook, XlsxGrid.Styles styles, ReportContent c) {
        XlsxGrid grid = new XlsxGrid(workbook, CAMPAIGNS, styles, 34, 10, 14, 10, 12, 17, 10)
                .header("Campaign", "Currency", "Cost", "Clicks", "Conversions", "Conversion value", "ROI");
        for (CampaignLine line : c.campaigns()) {
            grid.row().text(line.name()).text(line.currency()).number(line.cost(), styles.money)
                    .number(line.clicks(), styles.count).number(line.conversions(), styles.count)
                    .number(line.conversionValue(), styles.money).number(line.roi(), styles.percent);
        }
        grid.finish();
    }

    private static void channels(XSSFWorkbook workbook, XlsxGrid.Styles styles, ReportContent c) {
        XlsxGrid grid = new XlsxGrid(workbook, CHANNELS, styles, 28, 12, 18, 17, 16, 14, 14)
                .header("Channel", "Network", "Followers at start", "Followers at end", "Follower growth",
                        "Impressions", "Engagements");
        for (ChannelLine line : c.channels()) {
            grid.row().text(line.name()).text(line.network()).number(line.followersAtStart(), styles.count)
                    .number(line.followersAtEnd(), styles.count).number(line.followerGrowthRate(), styles.change)
                    .number(line.impressions(), styles.count).number(line.engagements(), styles.count);
        }
        grid.finish();
    }

    /**
     * The inbox's figures, then the counts by kind and by network, then who answered. Times are minutes (a number, so
     * that they add up), a share a percentage, and a time without any case an empty cell.
     */
    private static void engagement(XSSFWorkbook workbook, XlsxGrid.Styles styles, ReportContent c) {
        ReportContent.Engagement e = c.engagement();
        if (e == null) {
            return;
        }
        XlsxGrid grid = new XlsxGrid(workbook, ENGAGEMENT, styles, 52, 16, 16, 22);
        grid.row().label("Came in").number(e.inbound(), styles.count);
        grid.row().label("Conversations opened").number(e.conversations(), styles.count);
        grid.row().label("Reply rate").number(e.replyRate(), styles.percent);
        grid.row().label("First answer, median, minutes (all hours)").number(minutes(e.firstAnswerMedian()), styles.count);
        grid.row().label("First answer, 90%, minutes (all hours)").number(minutes(e.firstAnswerP90()), styles.count);
        grid.row().label("First answer, median, minutes (business hours)").number(minutes(e.businessMedian()),
                styles.count);
        grid.row().label("First answer, 90%, minutes (business hours)").number(minutes(e.businessP90()), styles.count);
        grid.row().label("First-answer target, minutes (business hours)").number(minutes(e.target()), styles.count);
        grid.row().label("Answered within the target").number(e.withinTarget(), styles.percent);
        grid.row().label("Resolution, median, minutes").number(minutes(e.resolutionMedian()), styles.count);
        grid.row().label("New contacts").number(e.newContacts(), styles.count);
        grid.row().label("Returning contacts").number(e.returningContacts(), styles.count);
        grid.row().label("Active contacts").number(e.activeContacts(), styles.count);
        grid.row().label("Followers gained who had interacted").number(e.followersWhoInteracted(), styles.count);
        grid.row();
        grid.row().label("Kind or network").label("Came in");
        e.byKind().forEach(k -> grid.row().text(k.name()).number(k.count(), styles.count));
        e.byNetwork().forEach(n -> grid.row().text(n.name()).number(n.count(), styles.count));
        grid.row();
        grid.row().label("Answered by").label("Answers").label("First answers").label("Median minutes (business)");
        e.members().forEach(m -> grid.row().text(m.name()).number(m.answers(), styles.count)
                .number(m.firstAnswers(), styles.count).number(minutes(m.businessMedian()), styles.count));
        grid.finish();
    }

    private static Long minutes(java.time.Duration d) {
        return d == null ? null : d.toMinutes();
    }
}
