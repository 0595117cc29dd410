package app.herald.content.domain;

import app.herald.kernel.WallClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A weekly posting time on the tenant's wall clock, such as "Tuesday 09:30". It becomes an instant only on a given
 * date in a given zone, by one rule, documented in docs/scheduling.md:
 * <ul>
 * <li>a time that does not exist that day (clocks spring forward) moves forward by the length of the gap: 02:30 in
 * Europe/Berlin on the last Sunday of March is 03:30; 02:15 on Australia/Lord_Howe's 30-minute change is 02:45;</li>
 * <li>a time that happens twice (clocks fall back) is taken once, at its first occurrence (the earlier offset).</li>
 * </ul>
 */
public record PostingSlot(DayOfWeek day, LocalTime time) implements Comparable<PostingSlot> {

    public PostingSlot {
        time = time.withSecond(0).withNano(0);
    }

    public boolean fallsOn(LocalDate date) {
        return date.getDayOfWeek() == day;
    }

    /** The moment this slot happens on the given date in the given zone, by the rule above. */
    public ZonedDateTime on(LocalDate date, ZoneId zone) {
        return WallClock.at(LocalDateTime.of(date, time), zone);
    }

    @Override
    public int compareTo(PostingSlot other) {
        int byDay = day.compareTo(other.day);
        return byDay != 0 ? byDay : time.compareTo(other.time);
    }
}
