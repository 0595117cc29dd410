package app.herald.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The KPI definitions of docs/analytics.md, in one place so that screens, reports and exports agree. Every formula
 * answers {@code null} ("not available") when an input is not available or when it would divide by zero: a rate of
 * nothing is not 0 %, and a campaign without cost has no ROI.
 */
public final class Formulas {

    /** Rates and ratios carry six decimals: 0.034512 is 3.4512 %. */
    public static final int SCALE = 6;

    private Formulas() {
    }

    /** Engagements / impressions. */
    public static BigDecimal engagementRateByImpressions(Long engagements, Long impressions) {
        return ratio(engagements, impressions);
    }

    /** Engagements / followers (at the end of the period, or when the post went out). */
    public static BigDecimal engagementRateByFollowers(Long engagements, Long followers) {
        return ratio(engagements, followers);
    }

    /** (followers at end - followers at start) / followers at start. */
    public static BigDecimal followerGrowthRate(Long followersAtStart, Long followersAtEnd) {
        if (followersAtStart == null || followersAtEnd == null) {
            return null;
        }
        return ratio(followersAtEnd - followersAtStart, followersAtStart);
    }

    /** Herald-tracked link clicks / impressions. */
    public static BigDecimal clickThroughRate(long clicks, Long impressions) {
        return ratio(clicks, impressions);
    }

    /** Conversions / link clicks. */
    public static BigDecimal conversionRate(long conversions, long clicks) {
        return ratio(conversions, clicks);
    }

    /** Campaign cost / engagements, in the cost's currency. */
    public static BigDecimal costPerEngagement(BigDecimal cost, Long engagements) {
        if (cost == null || engagements == null || engagements == 0) {
            return null;
        }
        return cost.divide(BigDecimal.valueOf(engagements), 4, RoundingMode.HALF_EVEN);
    }

    /** (conversion value - cost) / cost. */
    public static BigDecimal roi(BigDecimal conversionValue, BigDecimal cost) {
        if (conversionValue == null || cost == null || cost.signum() == 0) {
            return null;
        }
        return conversionValue.subtract(cost).divide(cost, SCALE, RoundingMode.HALF_EVEN);
    }

    /** The relative change from a previous value: (current - previous) / |previous|. */
    public static BigDecimal change(BigDecimal current, BigDecimal previous) {
        if (current == null || previous == null || previous.signum() == 0) {
            return null;
        }
        return current.subtract(previous).divide(previous.abs(), SCALE, RoundingMode.HALF_EVEN);
    }

    /** A minor-unit amount (cents) as its major unit with two decimals. */
    public static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static BigDecimal ratio(Long part, Long whole) {
        if (part == null || whole == null || whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_EVEN);
    }
}
