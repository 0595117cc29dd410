package app.herald.analytics.domain;

import java.math.BigDecimal;

/**
 * What a set of posts and channels added up to over a period, read from the rollups. A network number is null when
 * no channel in the set offers it; Herald's own counts (clicks, conversions) are always known.
 */
public record Totals(int postsPublished, Long impressions, Long reach, Long engagements, Long networkClicks,
                     long clicks, long conversions, long conversionValueCents, Long followersAtStart,
                     Long followersAtEnd) {

    public static final Totals EMPTY = new Totals(0, null, null, null, null, 0, 0, 0, null, null);

    public BigDecimal engagementRateByImpressions() {
        return Formulas.engagementRateByImpressions(engagements, impressions);
    }

    public BigDecimal engagementRateByFollowers() {
        return Formulas.engagementRateByFollowers(engagements, followersAtEnd);
    }

    public BigDecimal followerGrowthRate() {
        return Formulas.followerGrowthRate(followersAtStart, followersAtEnd);
    }

    public Long netNewFollowers() {
        return followersAtStart == null || followersAtEnd == null ? null : followersAtEnd - followersAtStart;
    }

    public BigDecimal clickThroughRate() {
        return Formulas.clickThroughRate(clicks, impressions);
    }

    public BigDecimal conversionRate() {
        return Formulas.conversionRate(conversions, clicks);
    }

    public BigDecimal conversionValue() {
        return Formulas.money(conversionValueCents);
    }
}
