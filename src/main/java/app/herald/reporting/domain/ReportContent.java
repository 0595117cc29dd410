package app.herald.reporting.domain;

import app.herald.analytics.domain.Formulas;
import app.herald.analytics.domain.Headline;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Everything one client's report for one period shows, already computed: the writers only lay it out. A number that a
 * network does not offer is {@code null} ("not available"), never zero.
 *
 * @param branding   whose report it is: the agency's name, logo and colours
 * @param clientName the client (tenant) the report is about
 * @param zone       the client's time zone; every date and time in the report is in it
 * @param from       first day of the period, inclusive
 * @param to         last day of the period, inclusive
 * @param basis      how the period is read: activity in it, or lifetime of the posts published in it
 * @param notes      the agency's words for the client, plain text; may be empty
 */
public record ReportContent(Branding branding, String clientName, ZoneId zone, LocalDate from, LocalDate to,
                            String basis, String notes, Instant generatedAt, List<Kpi> kpis, List<Day> days,
                            List<TopPost> topPosts, List<CampaignLine> campaigns, List<ChannelLine> channels,
                            Engagement engagement) {

    public ReportContent {
        notes = notes == null ? "" : notes;
        kpis = List.copyOf(kpis);
        days = List.copyOf(days);
        topPosts = List.copyOf(topPosts);
        campaigns = List.copyOf(campaigns);
        channels = List.copyOf(channels);
    }

    /** The agency's look. {@code logoPng} may be null (the agency's name is shown instead); colours are "#rrggbb". */
    public record Branding(String agencyName, byte[] logoPng, String primaryColour, String accentColour) {
    }

    /**
     * One headline figure against the previous period of the same length. PERCENT values are fractions (0.034 is
     * 3.4 %); MONEY values are in {@code currency}'s major unit.
     */
    public record Kpi(String label, Headline.Unit unit, String currency, BigDecimal current, BigDecimal previous) {

        /**
         * The relative change from the previous period, or null when either is missing or the previous is zero; to
         * a hundredth of a percent, as the workbook stores it.
         */
        public BigDecimal change() {
            BigDecimal change = Formulas.change(current, previous);
            return change == null ? null : change.setScale(4, java.math.RoundingMode.HALF_EVEN);
        }
    }

    /**
     * One day of activity across the client's channels; followers is the sum of the channels' counts that day;
     * inbound is what came into the inbox, answers what it sent.
     */
    public record Day(LocalDate date, Long impressions, Long engagements, long clicks, long conversions,
                      Long followers, long inbound, long answers) {
    }

    /**
     * The inbox in the period (docs/analytics.md, "Engagement"): what came in, how the agency answered, and how the
     * relationship grew. Shares are fractions; a time that had no case is null.
     */
    public record Engagement(long inbound, long conversations, BigDecimal replyRate, Duration firstAnswerMedian,
                             Duration firstAnswerP90, Duration businessMedian, Duration businessP90,
                             Duration target, BigDecimal withinTarget, Duration resolutionMedian, long newContacts,
                             long returningContacts, long activeContacts, long followersWhoInteracted,
                             List<Count> byKind, List<Count> byNetwork, List<Member> members) {

        public Engagement {
            byKind = List.copyOf(byKind);
            byNetwork = List.copyOf(byNetwork);
            members = List.copyOf(members);
        }
    }

    /** How many of something. */
    public record Count(String name, long count) {
    }

    /** One person of the agency: answers sent, first answers, and their median time in business hours. */
    public record Member(String name, long answers, long firstAnswers, Duration businessMedian) {
    }

    /** A post among the period's best, ranked by engagements. */
    public record TopPost(String title, String network, String channel, ZonedDateTime publishedAt, Long impressions,
                          Long engagements, BigDecimal engagementRate, long clicks, long conversions) {
    }

    /** What a campaign cost and returned in the period. ROI is null when the campaign had no cost. */
    public record CampaignLine(String name, String currency, BigDecimal cost, long clicks, long conversions,
                               BigDecimal conversionValue, BigDecimal roi) {
    }

    /** How one channel grew and performed in the period. */
    public record ChannelLine(String name, String network, Long followersAtStart, Long followersAtEnd,
                              BigDecimal followerGrowthRate, Long impressions, Long engagements) {
    }
}
