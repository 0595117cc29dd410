package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.kernel.RuleViolation;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tags kept in one column between commas, so that a LIKE finds one without a join. */
class TagsTest {

    @Test
    void aTagIsStrippedAndLowerCased() {
        assertEquals("billing", Tags.clean("  Billing "));
        assertEquals("late delivery", Tags.clean("Late Delivery"));
        assertEquals("été-2026", Tags.clean("ÉTÉ-2026"));
    }

    @Test
    void aTagWithACommaOrALikeWildcardIsRefused() {
        for (String bad : List.of("a,b", "50%", "top_fan")) {
            RuleViolation refused = assertThrows(RuleViolation.class, () -> Tags.clean(bad));
            assertTrue(refused.getMessage().contains("is not"), refused.getMessage());
        }
    }

    @Test
    void anEmptyLongOrInvisibleTagIsRefused() {
        assertThrows(RuleViolation.class, () -> Tags.clean(null));
        assertThrows(RuleViolation.class, () -> Tags.clean("   "));
        assertThrows(RuleViolation.class, () -> Tags.clean("x".repeat(Tags.MAX_LENGTH + 1)));
        assertThrows(RuleViolation.class, () -> Tags.clean("vip\u202Egnp"));
        // 40 capital dotted Is become 80 characters in lower case.
        assertThrows(RuleViolation.class, () -> Tags.clean("\u0130".repeat(Tags.MAX_LENGTH)));
        assertEquals("x".repeat(Tags.MAX_LENGTH), Tags.clean("x".repeat(Tags.MAX_LENGTH)));
    }

    @Test
    void aColumnReadsBackAsItsTags() {
        assertEquals(List.of("billing", "vip"), Tags.of(",billing,vip,"));
        assertEquals(List.of(), Tags.of(""));
        assertEquals(List.of(), Tags.of(null));
    }

    @Test
    void addingATagWritesItBetweenCommasOnce() {
        String one = Tags.with("", "Billing");
        assertEquals(",billing,", one);

        String two = Tags.with(one, "VIP");
        assertEquals(",billing,vip,", two);
        assertEquals(two, Tags.with(two, " billing "));
    }

    @Test
    void atMostTenTags() {
        String ten = IntStream.rangeClosed(1, Tags.MAX_TAGS).mapToObj(i -> "t" + i)
                .reduce("", Tags::with);
        assertEquals(10, Tags.of(ten).size());

        RuleViolation refused = assertThrows(RuleViolation.class, () -> Tags.with(ten, "one too many"));
        assertTrue(refused.getMessage().contains("At most 10 tags"), refused.getMessage());
        assertEquals(ten, Tags.with(ten, "T3"));
    }

    @Test
    void removingATagFindsItAsTyped() {
        assertEquals(",vip,", Tags.without(",billing,vip,", " Billing "));
        assertEquals("", Tags.without(",vip,", "vip"));
        assertEquals(",vip,", Tags.without(",vip,", "unknown"));
        assertEquals(",vip,", Tags.without(",vip,", null));
    }

    @Test
    void aTagIsFoundByTheLikePatternOfItsCleanForm() {
        assertEquals("%,late delivery,%", Tags.pattern(" Late Delivery "));
        assertThrows(RuleViolation.class, () -> Tags.pattern("%"));
    }
}
