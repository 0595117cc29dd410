package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.kernel.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Regular expressions typed by people and run on what strangers write: refused when they explode, bounded always. */
class BoundedPatternTest {

    @Test
    void anOrdinaryPatternFindsWhatItShouldInAnyCase() {
        BoundedPattern order = BoundedPattern.of("order\\s*#?\\d+");

        assertEquals(BoundedPattern.Result.FOUND, order.find("Where is ORDER #4417?"));
        assertEquals(BoundedPattern.Result.NOT_FOUND, order.find("Where is my parcel?"));
    }

    @Test
    void patternsThatBacktrackWithoutEndAreRefusedWhenSaved() {
        RuleViolation nested = assertThrows(RuleViolation.class, () -> BoundedPattern.of("((a+)+)+b"));
        assertTrue(nested.getMessage().contains("takes too long"), nested.getMessage());
        assertThrows(RuleViolation.class, () -> BoundedPattern.of("(.*a){25}"));
    }

    @Test
    @Timeout(30) // unbounded, this search would run for longer than the universe has existed
    void aPatternThatExplodesOnlyOnSomeOtherTextStopsAtItsLimitAndMatchesNothing() {
        // Harmless on the inputs checked when saved (none has 25 c's), exponential on this one.
        BoundedPattern sneaky = BoundedPattern.of("(.*c){25}");

        assertEquals(BoundedPattern.Result.TOO_SLOW, sneaky.find("c".repeat(60) + "!"));
    }

    @Test
    void brokenLongAndEmptyPatternsAreRefusedWithAReason() {
        assertTrue(assertThrows(RuleViolation.class, () -> BoundedPattern.of("order(")).getMessage()
                .contains("not a regular expression"));
        assertThrows(RuleViolation.class, () -> BoundedPattern.of("a".repeat(301)));
        assertThrows(RuleViolation.class, () -> BoundedPattern.of("  "));
    }
}
