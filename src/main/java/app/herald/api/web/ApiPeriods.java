package app.herald.api.web;

import app.herald.analytics.domain.Basis;
import app.herald.analytics.domain.Period;
import app.herald.kernel.RuleViolation;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A period as the API takes it: two calendar days in the client's zone (YYYY-MM-DD, both included) and a basis. An
 * impossible day (2027-02-30) is refused with its name, never moved to the nearest real one.
 */
final class ApiPeriods {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private ApiPeriods() {
    }

    static Period of(String from, String to, String basis) {
        return new Period(day("from", from), day("to", to), basis(basis));
    }

    static LocalDate day(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("Give '" + name + "' as a day, YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(text, DAY);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("'" + name + "' is not a day of the calendar: " + text + " (write YYYY-MM-DD).");
        }
    }

    static Basis basis(String text) {
        if (text == null || text.isBlank()) {
            return Basis.ACTIVITY;
        }
        try {
            return Basis.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("The basis is ACTIVITY or LIFETIME, not " + text + ".");
        }
    }
}
