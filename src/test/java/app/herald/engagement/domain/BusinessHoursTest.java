package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.herald.kernel.RuleViolation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business time is counted on the client's own clock: its days, its hours, its zone's daylight saving. */
class BusinessHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessHours NINE_TO_FIVE = BusinessHours.weekdays(9, 17);
    private static final BusinessHours EVERY_DAY_ALL_BUT_THE_LAST_HOUR =
            new BusinessHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.of(23, 0));

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void weekdaysAreMondayToFridayBetweenTheHoursGiven() {
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), NINE_TO_FIVE.days());
        assertEquals(LocalTime.of(9, 0), NINE_TO_FIVE.start());
        assertEquals(LocalTime.of(17, 0), NINE_TO_FIVE.end());
    }

    @Test
    void aSpanInsideOneBusinessDayCountsWhole() {
        assertEquals(Duration.ofMinutes(75),
                NINE_TO_FIVE.within(berlin("2026-03-10T10:00"), berlin("2026-03-10T11:15"), BERLIN));
    }

    @Test
    void onlyTheBusinessPartOfEachDayCounts() {
        // Monday 16:00 to Wednesday 10:00: one hour on Monday, all of Tuesday, one hour on Wednesday.
        assertEquals(Duration.ofHours(10),
                NINE_TO_FIVE.within(berlin("2026-03-09T16:00"), berlin("2026-03-11T10:00"), BERLIN));
    }

    @Test
    void aMessageFromFridayEveningAnsweredMondayMorningWaitedOnlyFromNineOnMonday() {
        Instant friday = berlin("2026-03-06T18:00");
        Instant monday = berlin("2026-03-09T09:30");

        assertEquals(Duration.ofMinutes(63 * 60 + 30), Duration.between(friday, monday));
        assertEquals(Duration.ofMinutes(30), NINE_TO_FIVE.within(friday, monday, BERLIN));
    }

    @Test
    void aWeekendCountsNothing() {
        assertEquals(Duration.ZERO,
                NINE_TO_FIVE.within(berlin("2026-03-07T08:00"), berlin("2026-03-08T20:00"), BERLIN));
    }

    @Test
    void theSameMomentsCountDifferentlyInAnotherZone() {
        Instant from = Instant.parse("2026-03-10T15:00:00Z");
        Instant to = Instant.parse("2026-03-10T17:00:00Z");

        assertEquals(Duration.ofHours(1), NINE_TO_FIVE.within(from, to, BERLIN));
        assertEquals(Duration.ofHours(2), NINE_TO_FIVE.within(from, to, ZoneId.of("America/New_York")));
        assertEquals(Duration.ZERO, NINE_TO_FIVE.within(from, to, ZoneId.of("Asia/Tokyo")));
    }

    @Test
    void theDayTheClocksGoForwardCountsOneHourLess() {
        Instant from = berlin("2026-03-29T00:00");
        Instant to = berlin("2026-03-29T23:30");

        assertEquals(Duration.ofHours(22), EVERY_DAY_ALL_BUT_THE_LAST_HOUR.within(from, to, BERLIN));
    }

    @Test
    void theDayTheClocksGoBackCountsOneHourMore() {
        Instant from = berlin("2026-10-25T00:00");
        Instant to = berlin("2026-10-25T23:30");

        assertEquals(Duration.ofHours(24), EVERY_DAY_ALL_BUT_THE_LAST_HOUR.within(from, to, BERLIN));
    }

    @Test
    void hoursAcrossAChangeOfClocksCountAsTheyReallyPassed() {
        BusinessHours night = new BusinessHours(Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(4, 0));

        assertEquals(Duration.ofHours(2),
                night.within(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00"), BERLIN));
        assertEquals(Duration.ofHours(4),
                night.within(berlin("2026-10-25T00:00"), berlin("2026-10-25T12:00"), BERLIN));
    }

    @Test
    void aWeekOfWorkAcrossTheSpringChangeCountsFiveFullDays() {
        assertEquals(Duration.ofHours(40),
                NINE_TO_FIVE.within(berlin("2026-03-27T00:00"), berlin("2026-04-03T00:00"), BERLIN));
    }

    @Test
    void anEmptyOrBackwardSpanCountsNothing() {
        Instant t = berlin("2026-03-10T10:00");

        assertEquals(Duration.ZERO, NINE_TO_FIVE.within(t, t, BERLIN));
        assertEquals(Duration.ZERO, NINE_TO_FIVE.within(t, t.minusSeconds(3600), BERLIN));
    }

    @Test
    void businessHoursNeedADayAndAnEndAfterTheStart() {
        assertThrows(RuleViolation.class, () -> new BusinessHours(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThrows(RuleViolation.class, () -> new BusinessHours(null, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThrows(RuleViolation.class,
                () -> new BusinessHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(9, 0)));
        assertThrows(RuleViolation.class,
                () -> new BusinessHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(17, 0), LocalTime.of(9, 0)));
        assertThrows(RuleViolation.class, () -> new BusinessHours(Set.of(DayOfWeek.MONDAY), null, LocalTime.of(9, 0)));
        assertThrows(RuleViolation.class, () -> new BusinessHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), null));
    }

    @Test
    void theDaysAreCopiedWhenMade() {
        Set<DayOfWeek> days = new HashSet<>(Set.of(DayOfWeek.MONDAY));
        BusinessHours hours = new BusinessHours(days, LocalTime.of(9, 0), LocalTime.of(17, 0));
        days.add(DayOfWeek.SUNDAY);

        assertEquals(Set.of(DayOfWeek.MONDAY), hours.days());
    }

    @Test
    void theDaysAreStoredAsSortedIsoNumbers() {
        BusinessHours hours = new BusinessHours(Set.of(DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY, DayOfWeek.MONDAY),
                LocalTime.of(9, 0), LocalTime.of(17, 0));

        assertEquals("1,3,7", hours.daysColumn());
        assertEquals("1,2,3,4,5", NINE_TO_FIVE.daysColumn());
    }

    @Test
    void storedDaysAreReadBackIgnoringWhatIsNotADay() {
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SUNDAY),
                BusinessHours.parseDays("1,3,7"));
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), BusinessHours.parseDays("5,x,0,8,,1,12"));
        assertEquals(EnumSet.noneOf(DayOfWeek.class), BusinessHours.parseDays(""));
    }
}
