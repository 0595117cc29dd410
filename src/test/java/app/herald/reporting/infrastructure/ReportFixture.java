package app.herald.reporting.infrastructure;

import app.herald.reporting.domain.ReportContent;
import app.herald.reporting.domain.ReportContent.Branding;
import app.herald.reporting.domain.ReportContent.CampaignLine;
import app.herald.reporting.domain.ReportContent.ChannelLine;
import app.herald.reporting.domain.ReportContent.Count;
import app.herald.reporting.domain.ReportContent.Day;
import app.herald.reporting.domain.ReportContent.Engagement;
import app.herald.reporting.domain.ReportContent.Kpi;
import app.herald.reporting.domain.ReportContent.Member;
import app.herald.reporting.domain.ReportContent.TopPost;
import app.herald.analytics.domain.Headline.Unit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A month of Acme Coffee's numbers (October 2026, Europe/Berlin) to write reports from; each {@code with...} changes
 * one part. Day 5 has neither impressions nor followers, to show "not available".
 */
final class ReportFixture {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    static final LocalDate TO = LocalDate.of(2026, 10, 31);
    static final LocalDate DAY_WITHOUT_COUNTS = LocalDate.of(2026, 10, 5);

    private Branding branding = new Branding("Northwind Social", null, "#1F4E79", "#F28C28");
    private String clientName = "Acme Coffee";
    private LocalDate to = TO;
    private String notes = "";
    private List<Kpi> kpis = List.of(
            new Kpi("Impressions", Unit.COUNT, null, new BigDecimal("123456"), new BigDecimal("100000")),
            new Kpi("Engagement rate", Unit.PERCENT, null, new BigDecimal("0.034"), new BigDecimal("0.0354")),
            new Kpi("Conversion value", Unit.MONEY, "EUR", new BigDecimal("1234.50"), null),
            new Kpi("Reach", Unit.COUNT, null, null, new BigDecimal("5000")));
    private List<Day> days;
    private List<TopPost> topPosts = List.of(
            post("Autumn blend launch"),
            new TopPost("Behind the roastery", "x", "@acme", LocalDateTime.of(2026, 10, 9, 8, 30).atZone(BERLIN),
                    null, null, null, 40, 2));
    private List<CampaignLine> campaigns = List.of(
            new CampaignLine("Autumn blend", "EUR", new BigDecimal("500.00"), 300, 25, new BigDecimal("1250.00"),
                    new BigDecimal("1.500000")),
            new CampaignLine("Brand awareness", "EUR", BigDecimal.ZERO, 80, 0, null, null));
    private List<ChannelLine> channels = List.of(
            new ChannelLine("Acme Coffee Instagram", "instagram", 10_000L, 10_150L, new BigDecimal("0.015"),
                    80_000L, 4_000L),
            new ChannelLine("Acme on X", "x", null, null, null, null, null));

    private Engagement engagement = engagement();

    private ReportFixture() {
        days = days(FROM, TO);
    }

    static ReportFixture aReport() {
        return new ReportFixture();
    }

    static TopPost post(String title) {
        return new TopPost(title, "instagram", "@acmecoffee", LocalDateTime.of(2026, 10, 3, 14, 5).atZone(BERLIN),
                20_000L, 1_500L, new BigDecimal("0.075"), 120, 12);
    }

    /**
     * Impressions 1000 + 10 i, engagements 50 + i, clicks i, conversions i / 3, followers 10000 + 5 i; i % 4 came
     * into the inbox and i % 3 answers went out.
     */
    static List<Day> days(LocalDate from, LocalDate to) {
        List<Day> days = new ArrayList<>();
        int i = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1), i++) {
            boolean missing = d.equals(DAY_WITHOUT_COUNTS);
            days.add(new Day(d, missing ? null : 1000L + 10 * i, 50L + i, i, i / 3, missing ? null : 10_000L + 5 * i,
                    i % 4, i % 3));
        }
        return days;
    }

    ReportFixture withBranding(Branding branding) {
        this.branding = branding;
        return this;
    }

    ReportFixture withClientName(String clientName) {
        this.clientName = clientName;
        return this;
    }

    ReportFixture withNotes(String notes) {
        this.notes = notes;
        return this;
    }

    ReportFixture withTopPosts(TopPost... posts) {
        this.topPosts = List.of(posts);
        return this;
    }

    ReportFixture withDaysUntil(LocalDate to) {
        this.to = to;
        this.days = days(FROM, to);
        return this;
    }

    /** No figures at all: a client whose channels were added yesterday. */
    ReportFixture empty() {
        kpis = List.of();
        days = List.of();
        topPosts = List.of();
        campaigns = List.of();
        channels = List.of();
        return this;
    }

    /** The inbox of the fixture's month: 154 items, one member (Dana) and one without any first answer. */
    static Engagement engagement() {
        return new Engagement(154, 61, new BigDecimal("0.8361"), Duration.ofMinutes(95), Duration.ofHours(9),
                Duration.ofMinutes(42), Duration.ofHours(4), Duration.ofHours(4), new BigDecimal("0.9000"),
                Duration.ofHours(27), 38, 12, 50, 4,
                List.of(new Count("Comment", 70), new Count("Direct message", 30), new Count("Like", 54)),
                List.of(new Count("Instagram", 100), new Count("Bluesky", 54)),
                List.of(new Member("Dana Editor", 44, 40, Duration.ofMinutes(39)), new Member("Max Manager", 7, 0,
                        null)));
    }

    ReportFixture withoutEngagement() {
        this.engagement = null;
        return this;
    }

    ReportContent build() {
        return new ReportContent(branding, clientName, BERLIN, FROM, to, "Activity in the period", notes,
                Instant.parse("2026-11-01T07:15:00Z"), kpis, days, topPosts, campaigns, channels, engagement);
    }
}
