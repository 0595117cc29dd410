package app.herald.reporting.infrastructure;

import app.herald.analytics.domain.FigureText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How dates read in the reports' text, in English whatever the server's locale, so that the PDF and the workbook's
 * title rows say the same thing. Figures read as {@link FigureText} has them, like on screen.
 */
final class ReportFormats {

    static final String NONE = FigureText.NONE;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private ReportFormats() {
    }

    static String date(LocalDate date) {
        return date == null ? NONE : DATE.format(date);
    }

    static String period(LocalDate from, LocalDate to) {
        return date(from) + " \u2013 " + date(to);
    }

    /** Local time in the client's zone, with the zone's name so that nobody reads it as their own. */
    static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? NONE : DATE_TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** A response time in words: "42 min", "3.5 h", "2.1 days"; none when there was no case. */
    static String duration(java.time.Duration d) {
        if (d == null) {
            return NONE;
        }
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes < 48 * 60 ? String.format(Locale.ENGLISH, "%.1f h", minutes / 60.0)
                : String.format(Locale.ENGLISH, "%.1f days", minutes / 1440.0);
    }

    static String dateTime(ZonedDateTime time, ZoneId zone) {
        return time == null ? NONE : DATE_TIME.format(time.withZoneSameInstant(zone));
    }
}
