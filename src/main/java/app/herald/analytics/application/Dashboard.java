package app.herald.analytics.application;

import app.herald.analytics.domain.DailyPoint;
import app.herald.analytics.domain.Period;
import app.herald.analytics.domain.Totals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SortedMap;

/**
 * One client's analytics for a period, ready for a screen or a report: totals against the previous period, the daily
 * series, followers over time, the best posts, and each campaign's and channel's figures.
 */
public record Dashboard(String clientName, ZoneId zone, Period period, Totals current, Totals previous,
                        List<DailyPoint> days, SortedMap<LocalDate, Long> followers, List<TopPost> topPosts,
                        List<CampaignResult> campaigns, List<ChannelResult> channels, String currency) {

    /** A post among the best of the period. */
    public record TopPost(long postId, String title, String network, String channel, ZonedDateTime publishedAt,
                          Long impressions, Long engagements, BigDecimal engagementRate, long clicks,
                          long conversions) {
    }

    /**
     * A campaign's lifetime results: its budget taken as its cost, the clicks, conversions and conversion value
     * attributed to it, and ROI = (value - cost) / cost (null without cost).
     */
    public record CampaignResult(long campaignId, String name, String currency, BigDecimal cost, long clicks,
                                 long conversions, BigDecimal conversionValue, Long engagements,
                                 BigDecimal costPerEngagement, BigDecimal roi) {
    }

    /** A channel's figures for the period. */
    public record ChannelResult(long channelId, String name, String network, Long followersAtStart,
                                Long followersAtEnd, BigDecimal followerGrowthRate, Long impressions,
                                Long engagements) {
    }
}
