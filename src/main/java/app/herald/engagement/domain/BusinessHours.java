package app.herald.engagement.domain;

import app.herald.kernel.RuleViolation;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a client's inbox is staffed, in its own time zone: some weekdays, from one time to another. Response times are
 * measured in all hours and in these: a message that arrives on Friday evening and is answered on Monday morning
 * waited 60 hours, but only a few business minutes. Days are counted with the zone's own rules, so a day that
 * daylight saving shortens or lengthens counts as long as it really was.
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) implements Serializable {

    public BusinessHours {
        if (days == null || days.isEmpty()) {
            throw new RuleViolation("Choose at least one business day.");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new RuleViolation("Business hours end after they start, on the same day.");
        }
        days = Set.copyOf(days);
    }

    public static BusinessHours weekdays(int fromHour, int toHour) {
        return new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(fromHour, 0),
                LocalTime.of(toHour, 0));
    }

    /** How much of the span from {@code from} to {@code to} falls within business hours, in the given zone. */
    public Duration within(Instant from, Instant to, ZoneId zone) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, start, zone).toInstant();
            Instant close = ZonedDateTime.of(day, end, zone).toInstant();
            Instant a = open.isAfter(from) ? open : from;
            Instant b = close.isBefore(to) ? close : to;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /** The days as stored: ISO numbers, Monday 1. */
    public String daysColumn() {
        return days.stream().map(DayOfWeek::getValue).sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    public static Set<DayOfWeek> parseDays(String column) {
        return Arrays.stream(column.split(",")).filter(s -> s.matches("[1-7]")).map(s -> DayOfWeek.of(Integer.parseInt(s)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }
}
