package app.herald.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The derived KPIs of a period's totals and the headline figures against the previous period. */
class TotalsAndHeadlineTest {

    /** 12 posts, 40 000 impressions, 1 800 engagements, 120 clicks, 6 conversions worth 459.90, 5 000 -> 5 250 followers. */
    private static final Totals NOW = new Totals(12, 40_000L, 25_000L, 1_800L, 90L, 120, 6, 45_990, 5_000L, 5_250L);

    /** 10 posts, 32 000 impressions, 1 200 engagements, 150 clicks, 6 conversions worth 300.00, 4 800 -> 5 000 followers. */
    private static final Totals BEFORE = new Totals(10, 32_000L, 20_000L, 1_200L, 60L, 150, 6, 30_000, 4_800L, 5_000L);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    @DisplayName("Totals derive their KPIs with the shared formulas")
    void derivedKpis() {
        // 1800 / 40000 = 0.045
        assertEquals(d("0.045000"), NOW.engagementRateByImpressions());
        // 1800 / 5250 = 0.342857142... -> 0.342857
        assertEquals(d("0.342857"), NOW.engagementRateByFollowers());
        // (5250 - 5000) / 5000 = 0.05
        assertEquals(d("0.050000"), NOW.followerGrowthRate());
        // 5250 - 5000 = 250
        assertEquals(250L, NOW.netNewFollowers());
        // 120 / 40000 = 0.003
        assertEquals(d("0.003000"), NOW.clickThroughRate());
        // 6 / 120 = 0.05
        assertEquals(d("0.050000"), NOW.conversionRate());
        // 45990 cents = 459.90
        assertEquals(d("459.90"), NOW.conversionValue());
    }

    @Test
    @DisplayName("Losing followers gives a negative net count and growth rate")
    void lostFollowers() {
        Totals t = new Totals(1, null, null, null, null, 0, 0, 0, 4_000L, 3_900L);
        // 3900 - 4000 = -100; -100 / 4000 = -0.025
        assertEquals(-100L, t.netNewFollowers());
        assertEquals(d("-0.025000"), t.followerGrowthRate());
    }

    @Test
    @DisplayName("A network number that is not offered makes the KPIs built on it not available")
    void missingNetworkNumbers() {
        Totals noImpressions = new Totals(3, null, null, 90L, null, 12, 1, 500, null, 2_000L);
        assertNull(noImpressions.engagementRateByImpressions());
        assertNull(noImpressions.clickThroughRate());
        // 90 / 2000 = 0.045: followers are still offered
        assertEquals(d("0.045000"), noImpressions.engagementRateByFollowers());
        assertNull(noImpressions.followerGrowthRate(), "no count at the start");
        assertNull(noImpressions.netNewFollowers());
        // 1 / 12 = 0.083333...
        assertEquals(d("0.083333"), noImpressions.conversionRate());
    }

    @Test
    @DisplayName("EMPTY: every network number and rate is not available, Herald's own counts are 0")
    void emptyPeriod() {
        Totals e = Totals.EMPTY;
        assertEquals(0, e.postsPublished());
        assertEquals(0L, e.clicks());
        assertEquals(0L, e.conversions());
        assertEquals(0L, e.conversionValueCents());
        assertEquals(d("0.00"), e.conversionValue());
        assertNull(e.impressions());
        assertNull(e.reach());
        assertNull(e.engagements());
        assertNull(e.networkClicks());
        assertNull(e.followersAtStart());
        assertNull(e.followersAtEnd());
        assertNull(e.engagementRateByImpressions());
        assertNull(e.engagementRateByFollowers());
        assertNull(e.followerGrowthRate());
        assertNull(e.netNewFollowers());
        assertNull(e.clickThroughRate());
        assertNull(e.conversionRate(), "0 conversions of 0 clicks is not a 0 % rate");
    }

    @Test
    @DisplayName("Headline figures come in the documented order, with their labels and units")
    void headlineOrderAndLabels() {
        List<Headline.Figure> figures = Headline.of(NOW, BEFORE);
        assertEquals(List.of("Posts published", "Impressions", "Reach", "Engagements",
                "Engagement rate (by impressions)", "Engagement rate (by followers)", "Followers", "Net new followers",
                "Follower growth rate", "Link clicks", "Click-through rate", "Conversions", "Conversion value"),
                figures.stream().map(Headline.Figure::label).toList());
        assertEquals(List.of(Headline.Unit.COUNT, Headline.Unit.COUNT, Headline.Unit.COUNT, Headline.Unit.COUNT,
                Headline.Unit.PERCENT, Headline.Unit.PERCENT, Headline.Unit.COUNT, Headline.Unit.COUNT,
                Headline.Unit.PERCENT, Headline.Unit.COUNT, Headline.Unit.PERCENT, Headline.Unit.COUNT,
                Headline.Unit.MONEY), figures.stream().map(Headline.Figure::unit).toList());
    }

    @Test
    @DisplayName("Headline figures carry the current and previous values")
    void headlineValues() {
        List<Headline.Figure> f = Headline.of(NOW, BEFORE);
        assertEquals(d("12"), f.get(0).current());
        assertEquals(d("10"), f.get(0).previous());
        assertEquals(d("40000"), f.get(1).current());
        assertEquals(d("25000"), f.get(2).current());
        assertEquals(d("1800"), f.get(3).current());
        assertEquals(d("0.045000"), f.get(4).current());
        // previous: 1200 / 32000 = 0.0375
        assertEquals(d("0.037500"), f.get(4).previous());
        assertEquals(d("5250"), f.get(6).current());
        assertEquals(d("250"), f.get(7).current());
        // previous: 5000 - 4800 = 200
        assertEquals(d("200"), f.get(7).previous());
        assertEquals(d("120"), f.get(9).current(), "Link clicks are Herald's clicks, not the network's (90)");
        assertEquals(d("150"), f.get(9).previous());
        assertEquals(d("459.90"), f.get(12).current());
        assertEquals(d("300.00"), f.get(12).previous());
    }

    @Test
    @DisplayName("change() = (current - previous) / |previous|, negative when a figure fell")
    void headlineChanges() {
        List<Headline.Figure> f = Headline.of(NOW, BEFORE);
        // posts: (12 - 10) / 10 = 0.2
        assertEquals(d("0.200000"), f.get(0).change());
        // impressions: (40000 - 32000) / 32000 = 0.25
        assertEquals(d("0.250000"), f.get(1).change());
        // engagement rate by impressions: (0.045 - 0.0375) / 0.0375 = 0.2
        assertEquals(d("0.200000"), f.get(4).change());
        // net new followers: (250 - 200) / 200 = 0.25
        assertEquals(d("0.250000"), f.get(7).change());
        // link clicks: (120 - 150) / 150 = -0.2
        assertEquals(d("-0.200000"), f.get(9).change());
        // conversions: (6 - 6) / 6 = 0
        assertEquals(d("0.000000"), f.get(11).change());
        // conversion value: (459.90 - 300.00) / 300.00 = 159.90 / 300 = 0.533
        assertEquals(d("0.533000"), f.get(12).change());
    }

    @Test
    @DisplayName("change() is not available when the previous value is zero or not available")
    void changeWithoutPrevious() {
        List<Headline.Figure> f = Headline.of(NOW, Totals.EMPTY);
        assertEquals(d("0"), f.get(0).previous());
        assertNull(f.get(0).change(), "12 posts after 0: no relative change");
        assertNull(f.get(1).previous());
        assertNull(f.get(1).change(), "impressions were not available before");
        assertNull(f.get(4).change());
        assertNull(f.get(12).change(), "conversion value 0.00 before");
        assertNull(new Headline.Figure("x", Headline.Unit.COUNT, null, d("5")).change(), "nothing now");
    }

    @Test
    @DisplayName("change() against a negative previous value is measured from its magnitude")
    void changeFromNegativePrevious() {
        // (50 - (-100)) / |-100| = 150 / 100 = 1.5: losing 100 then gaining 50 is an improvement
        assertEquals(d("1.500000"), new Headline.Figure("Net new followers", Headline.Unit.COUNT, d("50"),
                d("-100")).change());
        // (-150 - (-100)) / 100 = -0.5: losing more is a worsening
        assertEquals(d("-0.500000"), new Headline.Figure("Net new followers", Headline.Unit.COUNT, d("-150"),
                d("-100")).change());
    }

    @Test
    @DisplayName("Two empty periods still give all figures, with no change")
    void emptyAgainstEmpty() {
        List<Headline.Figure> f = Headline.of(Totals.EMPTY, Totals.EMPTY);
        assertEquals(13, f.size());
        f.forEach(figure -> assertNull(figure.change(), figure.label()));
        assertEquals(d("0"), f.get(9).current(), "Herald's own link clicks are known: 0");
        assertNull(f.get(3).current(), "engagements are not available");
    }
}
