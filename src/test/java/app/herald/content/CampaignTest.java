package app.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.content.domain.Campaign;
import app.herald.content.domain.Post;
import app.herald.kernel.RuleViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private static final LocalDate START = LocalDate.of(2026, 12, 1);

    private static Campaign campaign(String name, LocalDate end, String budget, String currency, String utm, String colour) {
        return new Campaign(name, START, end, null, budget == null ? null : new BigDecimal(budget), currency, utm, colour,
                Instant.EPOCH);
    }

    @Test
    void budgetsAreExactInTheCurrencysMinorUnits() {
        assertEquals(new BigDecimal("2500.50"), campaign("A", START, "2500.5", "EUR", null, null).getBudget());
        assertEquals(new BigDecimal("1200"), campaign("B", START, "1200", "JPY", null, null).getBudget(), "yen has no cents");
        assertThrows(RuleViolation.class, () -> campaign("C", START, "10.005", "EUR", null, null));
        assertThrows(RuleViolation.class, () -> campaign("D", START, "-1", "EUR", null, null));
        assertThrows(RuleViolation.class, () -> campaign("E", START, "1", "EURO", null, null));
    }

    @Test
    void theUtmCampaignDefaultsToASlugOfTheName() {
        assertEquals("fruhling-2027-cafe", campaign("Frühling 2027: Café!", START, "0", "EUR", null, null).getUtmCampaign());
        assertEquals("spring_27", campaign("X", START, "0", "EUR", "spring_27", null).getUtmCampaign());
        assertThrows(RuleViolation.class, () -> campaign("X", START, "0", "EUR", "Spring 27", null));
    }

    @Test
    void datesAndColoursAreChecked() {
        assertThrows(RuleViolation.class, () -> campaign("X", START.minusDays(1), "0", "EUR", null, null));
        assertEquals("#7c3aed", campaign("X", START, "0", "EUR", null, "7C3AED").getColour());
        assertThrows(RuleViolation.class, () -> campaign("X", START, "0", "EUR", null, "purple"));
        assertTrue(campaign("X", START.plusDays(3), "0", "EUR", null, null).covers(START.plusDays(3)));
    }

    @Test
    void onlyADraftWithoutReviewHistoryMayBeThrownAway() {
        Post post = new Post("Second thoughts", "text", 1, "A", Instant.EPOCH);
        post.checkDiscardable(false);
        RuleViolation reviewed = assertThrows(RuleViolation.class, () -> post.checkDiscardable(true));
        assertTrue(reviewed.getMessage().contains("review history"), reviewed.getMessage());
    }

    @Test
    void tagsAreNormalisedAndBounded() {
        Post post = new Post("T", "text", 1, "A", Instant.EPOCH);
        post.classify(7L, List.of("#Winter", "launch", "winter", " "), Instant.EPOCH);
        assertEquals(List.of("launch", "winter"), post.getTags());
        assertThrows(RuleViolation.class, () -> post.classify(null, List.of("no spaces"), Instant.EPOCH));
        assertThrows(RuleViolation.class, () -> post.classify(null,
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"), Instant.EPOCH));
        post.classify(null, List.of(), Instant.EPOCH);
        assertEquals(List.of(), post.getTags());
    }
}
