package app.herald.reporting.infrastructure;

import app.herald.reporting.domain.ReportContent.Unit;
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
 * How figures and dates read in the reports' text, in English whatever the server's locale, so that the PDF and the
 * workbook's title rows say the same thing. DecimalFormat is not thread-safe, hence a new one per call.
 */
final class ReportFormats {

    static final String NOT_AVAILABLE = "not available";
    static final String NONE = "\u2014";
    /** A real minus sign: a hyphen next to a percentage reads like a dash in running text. */
    static final char MINUS = '\u2212';

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

    static String dateTime(ZonedDateTime time, ZoneId zone) {
        return time == null ? NONE : DATE_TIME.format(time.withZoneSameInstant(zone));
    }

    static String count(Long value) {
        return value == null ? NOT_AVAILABLE : count(BigDecimal.valueOf(value));
    }

    /** Whole numbers without decimals; an average that is a count keeps up to two. */
    static String count(BigDecimal value) {
        return value == null ? NOT_AVAILABLE : format("#,##0.##", value);
    }

    /** A fraction as a percentage with one decimal: 0.034 is "3.4 %". */
    static String percent(BigDecimal fraction) {
        return fraction == null ? NOT_AVAILABLE : format("#,##0.0", inPercent(fraction)) + " %";
    }

    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return NOT_AVAILABLE;
        }
        String figure = format("#,##0.00", amount);
        return currency == null || currency.isBlank() ? figure : currency + " " + figure;
    }

    /** A relative change with its sign, "+12.3 %" or "−4.0 %"; a change that rounds to nothing has no sign. */
    static String change(BigDecimal fraction) {
        if (fraction == null) {
            return NONE;
        }
        BigDecimal rounded = inPercent(fraction);
        String sign = rounded.signum() > 0 ? "+" : "";
        return sign + format("#,##0.0", rounded) + " %";
    }

    static String kpiValue(Unit unit, String currency, BigDecimal value) {
        if (value == null) {
            return NOT_AVAILABLE;
        }
        return switch (unit) {
            case COUNT -> count(value);
            case PERCENT -> percent(value);
            case MONEY -> money(value, currency);
        };
    }

    /** Rounded before formatting, so that -0.0004 reads "0.0 %" and not "−0.0 %". */
    private static BigDecimal inPercent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    private static String format(String pattern, BigDecimal value) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ENGLISH);
        symbols.setMinusSign(MINUS);
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
