package app.herald.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FollowerHistoryTest {

    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

    private static TreeMap<LocalDate, Long> readings(Object... dayAndCount) {
        TreeMap<LocalDate, Long> map = new TreeMap<>();
        for (int i = 0; i < dayAndCount.length; i += 2) {
            map.put((LocalDate) dayAndCount[i], ((Number) dayAndCount[i + 1]).longValue());
        }
        return map;
    }

    @Test
    void aChannelsCountOnADayIsItsLastReadingAndChannelsAddUp() {
        // Channel 1 read on the 1st (100) and the 3rd (130); channel 2 only on the 2nd (50).
        FollowerHistory history = new FollowerHistory(Map.of(1L, readings(D1, 100, D1.plusDays(2), 130),
                2L, readings(D1.plusDays(1), 50)));
        SortedMap<LocalDate, Long> series = history.series(D1.plusDays(1), D1.plusDays(3));
        // The day before the period (the 1st): 100; the 2nd: 100 + 50; the 3rd: 130 + 50; the 4th carries on.
        assertEquals(readings(D1, 100, D1.plusDays(1), 150, D1.plusDays(2), 180, D1.plusDays(3), 180), series);
    }

    @Test
    void theEndsOfAPeriodAreTheDayBeforeItAndItsLastDay() {
        FollowerHistory history = new FollowerHistory(Map.of(1L, readings(D1, 1000, D1.plusDays(10), 1100)));
        Period period = new Period(D1.plusDays(1), D1.plusDays(10), Basis.ACTIVITY);
        assertArrayEquals(new Long[] {1000L, 1100L}, history.ends(period));
        // growth (1100 - 1000) / 1000 = 0.1
        assertEquals(0, new java.math.BigDecimal("0.1").compareTo(
                Formulas.followerGrowthRate(history.ends(period)[0], history.ends(period)[1])));
    }

    @Test
    void aChannelFirstReadWithinThePeriodStartsAtItsFirstReading() {
        FollowerHistory history = new FollowerHistory(Map.of(1L, readings(D1.plusDays(5), 40, D1.plusDays(9), 60)));
        assertArrayEquals(new Long[] {40L, 60L}, history.ends(new Period(D1, D1.plusDays(9), Basis.ACTIVITY)));
    }

    @Test
    void withoutReadingsThereIsNothingNotZero() {
        FollowerHistory empty = new FollowerHistory(Map.of());
        assertTrue(empty.series(D1, D1.plusDays(3)).isEmpty());
        assertArrayEquals(new Long[] {null, null}, empty.ends(new Period(D1, D1, Basis.ACTIVITY)));
        assertArrayEquals(new Long[] {null, null}, new FollowerHistory(Map.of(1L, readings(D1, 5))).of(2L)
                .ends(new Period(D1, D1, Basis.ACTIVITY)));
    }
}
