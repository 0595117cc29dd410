package app.herald.analytics.web;

import app.herald.analytics.domain.Headline;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** How numbers read on screen: thousands separated, rates as percentages, money with its currency, gaps named. */
public final class Figures {

    public static final String NOT_AVAILABLE = "not available";

    private Figures() {
    }

    public static String count(Long value) {
        return value == null ? NOT_AVAILABLE : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }

    public static String percent(BigDecimal fraction) {
        return fraction == null ? NOT_AVAILABLE
                : fraction.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return NOT_AVAILABLE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return currency + " " + format.format(amount);
    }

    public static String of(Headline.Unit unit, BigDecimal value, String currency) {
        return switch (unit) {
            case COUNT -> value == null ? NOT_AVAILABLE : count(value.longValue());
            case PERCENT -> percent(value);
            case MONEY -> money(value, currency);
        };
    }

    /** "+12.3 %", "−4.0 %" or "—" when there is nothing to compare with. */
    public static String change(BigDecimal change) {
        if (change == null) {
            return "—";
        }
        String text = change.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).abs().toPlainString() + " %";
        return change.signum() > 0 ? "+" + text : change.signum() < 0 ? "\u2212" + text : "±0.0 %";
    }

    /** A headline figure ready for a KPI card. */
    public record Card(String label, String value, String previous, String change, String trend)
            implements Serializable {

        static Card of(Headline.Figure f, String currency) {
            BigDecimal change = f.change();
            return new Card(f.label(), Figures.of(f.unit(), f.current(), currency),
                    Figures.of(f.unit(), f.previous(), currency), Figures.change(change),
                    change == null ? "flat" : change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "flat");
        }

        public String getLabel() {
            return label;
        }

        public String getValue() {
            return value;
        }

        public String getPrevious() {
            return previous;
        }

        public String getChange() {
            return change;
        }

        public String getTrend() {
            return trend;
        }
    }
}
