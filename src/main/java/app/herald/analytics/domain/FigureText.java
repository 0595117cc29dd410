package app.herald.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a figure reads, on screen and in every report alike: in English whatever the server's locale, thousands
 * separated, rates as percentages with one decimal, money with its currency, changes with their sign, and a missing
 * number as "not available". DecimalFormat is not thread-safe, hence a new one per call.
 */
public final class FigureText {

    public static final String NOT_AVAILABLE = "not available";
    public static final String NONE = "\u2014";
    /** A real minus sign: a hyphen next to a percentage reads like a dash in running text. */
    public static final char MINUS = '\u2212';

    private FigureText() {
    }

    public static String count(Long value) {
        return value == null ? NOT_AVAILABLE : count(BigDecimal.valueOf(value));
    }

    /** Whole numbers without decimals; an average that is a count keeps up to two. */
    public static String count(BigDecimal value) {
        return value == null ? NOT_AVAILABLE : format("#,##0.##", value);
    }

    /** A fraction as a percentage with one decimal: 0.034 is "3.4 %". */
    public static String percent(BigDecimal fraction) {
        return fraction == null ? NOT_AVAILABLE : format("#,##0.0", inPercent(fraction)) + " %";
    }

    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return NOT_AVAILABLE;
        }
        String figure = format("#,##0.00", amount);
        return currency == null || currency.isBlank() ? figure : currency + " " + figure;
    }

    /** A relative change with its sign, "+12.3 %" or "−4.0 %"; a change that rounds to nothing has no sign. */
    public static String change(BigDecimal fraction) {
        if (fraction == null) {
            return NONE;
        }
        BigDecimal rounded = inPercent(fraction);
        String sign = rounded.signum() > 0 ? "+" : "";
        return sign + format("#,##0.0", rounded) + " %";
    }

    /** A headline figure by its unit; {@code currency} is used for money only. */
    public static String of(Headline.Unit unit, String currency, BigDecimal value) {
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
