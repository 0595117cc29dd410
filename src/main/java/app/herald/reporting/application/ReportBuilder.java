package app.herald.reporting.application;

import app.herald.analytics.application.Analytics;
import app.herald.analytics.application.Dashboard;
import app.herald.analytics.domain.Headline;
import app.herald.analytics.domain.Period;
import app.herald.analytics.infrastructure.RollupQueries;
import app.herald.engagement.application.EngagementAnalytics;
import app.herald.engagement.domain.EngagementFigures;
import app.herald.reporting.domain.AgencyBrand;
import app.herald.reporting.domain.Report;
import app.herald.reporting.domain.ReportContent;
import app.herald.reporting.domain.ReportProgress;
import app.herald.reporting.infrastructure.CsvReportWriter;
import app.herald.reporting.infrastructure.PdfReportWriter;
import app.herald.reporting.infrastructure.XlsxReportWriter;
import app.herald.tenancy.application.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a report's file: reads the client's analytics for the period (from the rollups) and its inbox's figures,
 * adds the agency's branding and notes, and hands the content to the writer of the format. Progress is saved as it goes, so the person waiting
 * sees the bar move, and any node's screen shows the same.
 */
@ApplicationScoped
public class ReportBuilder {

    @Inject
    TenantContext context;
    @Inject
    Analytics analytics;
    @Inject
    Branding agencies;
    @Inject
    Reports reports;
    @Inject
    EngagementAnalytics engagement;

    /** Builds and stores the report; answers the file, or throws with the reason (the report is marked failed). */
    public byte[] build(long reportId) {
        Report report = reports.find(reportId).orElseThrow(() -> new IllegalStateException("No report " + reportId));
        try {
            reports.progress(reportId, 5);
            Period period = new Period(report.getPeriodFrom(), report.getPeriodTo(), Reports.basisOf(report));
            ReportContent content = content(period, report.getNotes());
            reports.progress(reportId, 30);
            int[] last = {30};
            ReportProgress progress = percent -> {
                int overall = 30 + percent * 65 / 100;
                if (overall >= last[0] + 10) {
                    last[0] = overall;
                    reports.progress(reportId, overall);
                }
            };
            byte[] file = switch (report.getFormat()) {
                case PDF -> new PdfReportWriter().write(content, progress);
                case XLSX -> new XlsxReportWriter().write(content, progress);
                case CSV -> new CsvReportWriter().write(content, progress);
            };
            reports.ready(reportId, fileName(report), file);
            return file;
        } catch (RuntimeException e) {
            reports.failed(reportId, e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        }
    }

    /** What a report for this period shows, with the agency's branding. */
    public ReportContent content(Period period, String notes) {
        Dashboard d = analytics.dashboard(period, RollupQueries.Scope.ALL);
        long agencyId = context.current().agencyId();
        AgencyBrand brand = agencies.brandOf(agencyId);
        ReportContent.Branding branding = new ReportContent.Branding(agencies.agencyName(agencyId), brand.getLogoPng(),
                brand.getPrimary(), brand.getAccent());
        List<ReportContent.Kpi> kpis = Headline.of(d.current(), d.previous()).stream()
                .map(f -> new ReportContent.Kpi(f.label(), f.unit(),
                        f.unit() == Headline.Unit.MONEY ? d.currency() : null, f.current(), f.previous())).toList();
        EngagementFigures inbox = engagement.figures(period.from(), period.to());
        Map<LocalDate, EngagementFigures.Day> inboxDays = new HashMap<>();
        inbox.daily().forEach(day -> inboxDays.put(day.day(), day));
        List<ReportContent.Day> days = new ArrayList<>();
        d.days().forEach(p -> {
            EngagementFigures.Day said = inboxDays.get(p.day());
            days.add(new ReportContent.Day(p.day(), p.impressions(), p.engagements(), p.clicks(), p.conversions(),
                    d.followers().get(p.day()), said == null ? 0 : said.inbound(), said == null ? 0 : said.answers()));
        });
        List<ReportContent.TopPost> top = d.topPosts().stream().map(p -> new ReportContent.TopPost(p.title(),
                p.network(), p.channel(), p.publishedAt(), p.impressions(), p.engagements(), p.engagementRate(),
                p.clicks(), p.conversions())).toList();
        List<ReportContent.CampaignLine> campaigns = d.campaigns().stream().map(c -> new ReportContent.CampaignLine(
                c.name(), c.currency(), c.cost(), c.clicks(), c.conversions(), c.conversionValue(), c.roi())).toList();
        List<ReportContent.ChannelLine> channels = d.channels().stream().map(c -> new ReportContent.ChannelLine(
                c.name(), c.network(), c.followersAtStart(), c.followersAtEnd(), c.followerGrowthRate(),
                c.impressions(), c.engagements())).toList();
        return new ReportContent(branding, d.clientName(), d.zone(), period.from(), period.to(),
                period.basis().label(), notes, Instant.now(), kpis, days, top, campaigns, channels, engagement(inbox));
    }

    private static ReportContent.Engagement engagement(EngagementFigures f) {
        return new ReportContent.Engagement(f.inbound(), f.conversationsOpened(), share(f.replyRate()),
                f.firstAnswer().median(), f.firstAnswer().p90(), f.firstAnswerBusiness().median(),
                f.firstAnswerBusiness().p90(), f.target(), share(f.withinTarget()), f.resolution().median(),
                f.newContacts(), f.returningContacts(), f.activeContacts(), f.followersWhoInteracted(),
                f.inboundByKind().entrySet().stream().map(e -> new ReportContent.Count(e.getKey().label(),
                        e.getValue())).toList(),
                f.inboundByNetwork().entrySet().stream().map(e -> new ReportContent.Count(e.getKey().label(),
                        e.getValue())).toList(),
                f.members().stream().map(m -> new ReportContent.Member(m.name(), m.answers(),
                        m.firstAnswerBusiness().count(), m.firstAnswerBusiness().median())).toList());
    }

    private static BigDecimal share(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }

    private String fileName(Report report) {
        String client = context.current().name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
        DateTimeFormatter iso = DateTimeFormatter.ISO_LOCAL_DATE;
        return (client.isEmpty() ? "client" : client) + "-report-" + iso.format(report.getPeriodFrom()) + "-to-"
                + iso.format(report.getPeriodTo()) + "." + report.getFormat().extension();
    }

}
