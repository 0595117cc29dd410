package app.herald.analytics.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The headline figures every dashboard and report shows, in this order, each against the previous period. Both
 * engagement rates are shown, labelled: by impressions (how compelling a post was to those who saw it) and by
 * followers (how much of the audience it moved).
 */
public final class Headline {

    public enum Unit { COUNT, PERCENT, MONEY }

    /** One figure now and in the previous period; null values are "not available". */
    public record Figure(String label, Unit unit, BigDecimal current, BigDecimal previous) {

        /** Relative change from the previous period, or null when it cannot be computed. */
        public BigDecimal change() {
            return Formulas.change(current, previous);
        }
    }

    private Headline() {
    }

    public static List<Figure> of(Totals now, Totals before) {
        return List.of(
                count("Posts published", now, before, t -> (long) t.postsPublished()),
                count("Impressions", now, before, Totals::impressions),
                count("Reach", now, before, Totals::reach),
                count("Engagements", now, before, Totals::engagements),
                rate("Engagement rate (by impressions)", now, before, Totals::engagementRateByImpressions),
                rate("Engagement rate (by followers)", now, before, Totals::engagementRateByFollowers),
                count("Followers", now, before, Totals::followersAtEnd),
                count("Net new followers", now, before, Totals::netNewFollowers),
                rate("Follower growth rate", now, before, Totals::followerGrowthRate),
                count("Link clicks", now, before, Totals::clicks),
                rate("Click-through rate", now, before, Totals::clickThroughRate),
                count("Conversions", now, before, Totals::conversions),
                new Figure("Conversion value", Unit.MONEY, now.conversionValue(), before.conversionValue()));
    }

    private static Figure count(String label, Totals now, Totals before, Function<Totals, Long> value) {
        return new Figure(label, Unit.COUNT, decimal(value.apply(now)), decimal(value.apply(before)));
    }

    private static Figure rate(String label, Totals now, Totals before, Function<Totals, BigDecimal> value) {
        return new Figure(label, Unit.PERCENT, value.apply(now), value.apply(before));
    }

    private static BigDecimal decimal(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
