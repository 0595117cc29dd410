package app.herald.analytics.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SuggestTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aSuggestedHourIsItsNextOccurrenceInTheClientsZone() {
        // Thursday 26 November 2026, 10:00 in Berlin.
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, BERLIN);
        assertEquals(LocalDateTime.of(2026, 11, 26, 12, 0), SuggestTimes.next(DayOfWeek.THURSDAY, 12, now),
                "later today");
        assertEquals(LocalDateTime.of(2026, 12, 3, 9, 0), SuggestTimes.next(DayOfWeek.THURSDAY, 9, now),
                "already past today: next week");
        assertEquals(LocalDateTime.of(2026, 12, 3, 10, 0), SuggestTimes.next(DayOfWeek.THURSDAY, 10, now),
                "this very minute is not ahead");
        assertEquals(LocalDateTime.of(2026, 11, 30, 8, 0), SuggestTimes.next(DayOfWeek.MONDAY, 8, now));
    }
}
