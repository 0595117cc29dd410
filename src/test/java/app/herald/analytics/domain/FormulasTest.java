package app.herald.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The KPI definitions against hand-computed numbers. {@link BigDecimal#equals} compares the scale too, so
 * {@code assertEquals(new BigDecimal("0.034500"), ...)} also checks that rates carry six decimals.
 */
class FormulasTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    @DisplayName("Engagement rate by impressions = engagements / impressions, six decimals")
    void engagementRateByImpressions() {
        // 345 / 10000 = 0.0345 -> 0.034500
        assertEquals(d("0.034500"), Formulas.engagementRateByImpressions(345L, 10_000L));
        // 2 / 3 = 0.6666666... -> 0.666667
        assertEquals(d("0.666667"), Formulas.engagementRateByImpressions(2L, 3L));
        // 0 / 500 = 0: a known zero rate is 0, not "not available"
        assertEquals(d("0.000000"), Formulas.engagementRateByImpressions(0L, 500L));
    }

    @Test
    @DisplayName("Engagement rate by impressions is not available without engagements, impressions or with 0 impressions")
    void engagementRateByImpressionsNotAvailable() {
        assertNull(Formulas.engagementRateByImpressions(null, 10_000L));
        assertNull(Formulas.engagementRateByImpressions(345L, null));
        assertNull(Formulas.engagementRateByImpressions(345L, 0L));
        assertNull(Formulas.engagementRateByImpressions(0L, 0L));
    }

    @Test
    @DisplayName("Rates are rounded HALF_EVEN at the sixth decimal")
    void ratesRoundHalfEven() {
        // 1 / 128 = 0.0078125: the dropped digit is exactly 5 after an even 2 -> 0.007812 (HALF_UP would give 0.007813)
        assertEquals(d("0.007812"), Formulas.engagementRateByImpressions(1L, 128L));
        // 3 / 128 = 0.0234375: exactly 5 after an odd 7 -> 0.023438
        assertEquals(d("0.023438"), Formulas.engagementRateByImpressions(3L, 128L));
        // 1 / 3 = 0.3333333... -> 0.333333
        assertEquals(d("0.333333"), Formulas.engagementRateByFollowers(1L, 3L));
        assertEquals(Formulas.SCALE, Formulas.clickThroughRate(1, 3L).scale());
    }

    @Test
    @DisplayName("Engagement rate by followers = engagements / followers")
    void engagementRateByFollowers() {
        // 150 / 2000 = 0.075 -> 0.075000
        assertEquals(d("0.075000"), Formulas.engagementRateByFollowers(150L, 2_000L));
        // 1800 / 5250 = 0.342857142... -> 0.342857
        assertEquals(d("0.342857"), Formulas.engagementRateByFollowers(1_800L, 5_250L));
        assertNull(Formulas.engagementRateByFollowers(null, 2_000L));
        assertNull(Formulas.engagementRateByFollowers(150L, null));
        assertNull(Formulas.engagementRateByFollowers(150L, 0L));
    }

    @Test
    @DisplayName("Follower growth rate = (end - start) / start, negative when followers were lost")
    void followerGrowthRate() {
        // (2150 - 2000) / 2000 = 150 / 2000 = 0.075
        assertEquals(d("0.075000"), Formulas.followerGrowthRate(2_000L, 2_150L));
        // (1900 - 2000) / 2000 = -100 / 2000 = -0.05
        assertEquals(d("-0.050000"), Formulas.followerGrowthRate(2_000L, 1_900L));
        // (2000 - 2000) / 2000 = 0
        assertEquals(d("0.000000"), Formulas.followerGrowthRate(2_000L, 2_000L));
        // (7 - 3) / 3 = 1.3333333... -> 1.333333
        assertEquals(d("1.333333"), Formulas.followerGrowthRate(3L, 7L));
    }

    @Test
    @DisplayName("Follower growth rate is not available without both counts or from zero followers")
    void followerGrowthRateNotAvailable() {
        assertNull(Formulas.followerGrowthRate(null, 2_150L));
        assertNull(Formulas.followerGrowthRate(2_000L, null));
        assertNull(Formulas.followerGrowthRate(null, null));
        // From 0 to 10 followers: growth from nothing has no rate (10 / 0)
        assertNull(Formulas.followerGrowthRate(0L, 10L));
    }

    @Test
    @DisplayName("Click-through rate = Herald clicks / impressions")
    void clickThroughRate() {
        // 25 / 5000 = 0.005
        assertEquals(d("0.005000"), Formulas.clickThroughRate(25, 5_000L));
        // 0 / 100 = 0
        assertEquals(d("0.000000"), Formulas.clickThroughRate(0, 100L));
        assertNull(Formulas.clickThroughRate(25, null), "the network does not offer impressions");
        assertNull(Formulas.clickThroughRate(25, 0L));
    }

    @Test
    @DisplayName("Conversion rate = conversions / clicks; not available without clicks")
    void conversionRate() {
        // 3 / 40 = 0.075
        assertEquals(d("0.075000"), Formulas.conversionRate(3, 40));
        // 0 / 40 = 0
        assertEquals(d("0.000000"), Formulas.conversionRate(0, 40));
        // 2 / 7 = 0.2857142... -> 0.285714
        assertEquals(d("0.285714"), Formulas.conversionRate(2, 7));
        assertNull(Formulas.conversionRate(3, 0));
        assertNull(Formulas.conversionRate(0, 0));
    }

    @Test
    @DisplayName("Cost per engagement = cost / engagements, in the cost's currency with four decimals")
    void costPerEngagement() {
        // 250.00 / 1000 = 0.25 -> 0.2500
        assertEquals(d("0.2500"), Formulas.costPerEngagement(d("250.00"), 1_000L));
        // 100.00 / 3 = 33.3333... -> 33.3333
        assertEquals(d("33.3333"), Formulas.costPerEngagement(d("100.00"), 3L));
        // 0.01 / 8 = 0.00125: exactly 5 after an even 2 -> 0.0012 (HALF_EVEN)
        assertEquals(d("0.0012"), Formulas.costPerEngagement(d("0.01"), 8L));
        // 0.03 / 8 = 0.00375: exactly 5 after an odd 7 -> 0.0038
        assertEquals(d("0.0038"), Formulas.costPerEngagement(d("0.03"), 8L));
    }

    @Test
    @DisplayName("Cost per engagement is not available without cost, engagements or with zero engagements")
    void costPerEngagementNotAvailable() {
        assertNull(Formulas.costPerEngagement(null, 1_000L));
        assertNull(Formulas.costPerEngagement(d("250.00"), null));
        assertNull(Formulas.costPerEngagement(d("250.00"), 0L));
    }

    @Test
    @DisplayName("ROI = (conversion value - cost) / cost, negative when the campaign lost money")
    void roi() {
        // (1500.00 - 1000.00) / 1000.00 = 0.5
        assertEquals(d("0.500000"), Formulas.roi(d("1500.00"), d("1000.00")));
        // (500.00 - 1000.00) / 1000.00 = -0.5
        assertEquals(d("-0.500000"), Formulas.roi(d("500.00"), d("1000.00")));
        // (0 - 80.00) / 80.00 = -1: nothing came back
        assertEquals(d("-1.000000"), Formulas.roi(BigDecimal.ZERO, d("80.00")));
        // (400.00 - 300.00) / 300.00 = 0.3333333... -> 0.333333
        assertEquals(d("0.333333"), Formulas.roi(d("400.00"), d("300.00")));
    }

    @Test
    @DisplayName("A campaign without cost has no ROI")
    void roiNotAvailable() {
        assertNull(Formulas.roi(d("1500.00"), null));
        assertNull(Formulas.roi(null, d("1000.00")));
        assertNull(Formulas.roi(d("1500.00"), BigDecimal.ZERO));
        assertNull(Formulas.roi(d("1500.00"), d("0.00")), "zero with a scale is still zero");
    }

    @Test
    @DisplayName("Money turns cents into the major unit with two decimals")
    void money() {
        // 123456 cents = 1234.56
        assertEquals(d("1234.56"), Formulas.money(123_456));
        // 5 cents = 0.05; -5 cents = -0.05
        assertEquals(d("0.05"), Formulas.money(5));
        assertEquals(d("-0.05"), Formulas.money(-5));
        assertEquals(d("0.00"), Formulas.money(0));
        assertEquals(2, Formulas.money(100).scale());
    }
}
