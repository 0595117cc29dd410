package app.herald.analytics.domain;

import app.herald.kernel.RuleViolation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A span of whole days in the tenant's zone, both ends included, and how it is read. */
public record Period(LocalDate from, LocalDate to, Basis basis) {

    /** Long enough for a year's report with its comparison, short enough to keep a dashboard quick. */
    public static final int MAX_DAYS = 731;

    public Period {
        if (from == null || to == null) {
            throw new RuleViolation("Choose the first and the last day of the period.");
        }
        if (to.isBefore(from)) {
            throw new RuleViolation("The period ends before it starts.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new RuleViolation("A period can be at most " + MAX_DAYS + " days long.");
        }
        basis = basis == null ? Basis.ACTIVITY : basis;
    }

    /** The last {@code days} days up to and including {@code today}. */
    public static Period lastDays(int days, LocalDate today, Basis basis) {
        return new Period(today.minusDays(days - 1L), today, basis);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length just before this one, to compare with. */
    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1), basis);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
