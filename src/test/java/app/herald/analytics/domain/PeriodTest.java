package app.herald.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.kernel.RuleViolation;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Whole-day periods, both ends included, and the period they are compared with. */
class PeriodTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    @DisplayName("days() counts both ends")
    void daysIncludesBothEnds() {
        // 1..31 March = 31 days
        assertEquals(31, new Period(day("2027-03-01"), day("2027-03-31"), Basis.ACTIVITY).days());
        assertEquals(1, new Period(day("2027-03-01"), day("2027-03-01"), Basis.ACTIVITY).days());
        // 1 Feb .. 29 Feb 2028 (leap year) = 29 days
        assertEquals(29, new Period(day("2028-02-01"), day("2028-02-29"), Basis.ACTIVITY).days());
    }

    @Test
    @DisplayName("previous() is the period of the same length just before, with the same basis")
    void previousHasSameLength() {
        Period march = new Period(day("2027-03-01"), day("2027-03-31"), Basis.LIFETIME);
        Period before = march.previous();
        // 31 days ending 28 Feb: 29, 30, 31 Jan (3) + 1..28 Feb (28) = 31
        assertEquals(day("2027-01-29"), before.from());
        assertEquals(day("2027-02-28"), before.to());
        assertEquals(31, before.days());
        assertEquals(Basis.LIFETIME, before.basis());
    }

    @Test
    @DisplayName("previous() of a single day is the day before; of a week the week before")
    void previousOfShortPeriods() {
        Period oneDay = new Period(day("2027-03-01"), day("2027-03-01"), Basis.ACTIVITY).previous();
        assertEquals(day("2027-02-28"), oneDay.from());
        assertEquals(day("2027-02-28"), oneDay.to());
        Period week = new Period(day("2027-03-08"), day("2027-03-14"), Basis.ACTIVITY).previous();
        assertEquals(day("2027-03-01"), week.from());
        assertEquals(day("2027-03-07"), week.to());
    }

    @Test
    @DisplayName("lastDays(7, today) ends today and starts six days earlier")
    void lastDays() {
        Period p = Period.lastDays(7, day("2027-03-10"), Basis.ACTIVITY);
        // 10 - 6 = 4 March
        assertEquals(day("2027-03-04"), p.from());
        assertEquals(day("2027-03-10"), p.to());
        assertEquals(7, p.days());
    }

    @Test
    @DisplayName("A missing basis means ACTIVITY")
    void defaultBasis() {
        assertEquals(Basis.ACTIVITY, new Period(day("2027-03-01"), day("2027-03-31"), null).basis());
    }

    @Test
    @DisplayName("contains() includes both ends and nothing outside")
    void contains() {
        Period p = new Period(day("2027-03-01"), day("2027-03-31"), Basis.ACTIVITY);
        assertTrue(p.contains(day("2027-03-01")));
        assertTrue(p.contains(day("2027-03-31")));
        assertFalse(p.contains(day("2027-02-28")));
        assertFalse(p.contains(day("2027-04-01")));
    }

    @Test
    @DisplayName("A period without a first or last day is refused")
    void nullDays() {
        RuleViolation noStart = assertThrows(RuleViolation.class,
                () -> new Period(null, day("2027-03-31"), Basis.ACTIVITY));
        assertEquals("Choose the first and the last day of the period.", noStart.getMessage());
        RuleViolation noEnd = assertThrows(RuleViolation.class,
                () -> new Period(day("2027-03-01"), null, Basis.ACTIVITY));
        assertEquals("Choose the first and the last day of the period.", noEnd.getMessage());
    }

    @Test
    @DisplayName("A period that ends before it starts is refused")
    void endBeforeStart() {
        RuleViolation e = assertThrows(RuleViolation.class,
                () -> new Period(day("2027-03-31"), day("2027-03-30"), Basis.ACTIVITY));
        assertEquals("The period ends before it starts.", e.getMessage());
    }

    @Test
    @DisplayName("A period may be MAX_DAYS (731) days long, not one more")
    void maxDays() {
        // 2026-01-01 + 730 days = 2028-01-01 (2026 and 2027 have 365 days each): 731 days with both ends
        Period longest = new Period(day("2026-01-01"), day("2028-01-01"), Basis.ACTIVITY);
        assertEquals(Period.MAX_DAYS, longest.days());
        RuleViolation e = assertThrows(RuleViolation.class,
                () -> new Period(day("2026-01-01"), day("2028-01-02"), Basis.ACTIVITY));
        assertEquals("A period can be at most 731 days long.", e.getMessage());
    }
}
