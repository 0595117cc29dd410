package app.herald.analytics.web;

import app.herald.analytics.domain.FigureText;
import app.herald.analytics.domain.Headline;
import java.io.Serializable;
import java.math.BigDecimal;

/** A headline figure ready for a card on the dashboard: its value, the previous period's and the change. */
public record KpiCard(String label, String value, String previous, String change, String trend)
        implements Serializable {

    public static KpiCard of(Headline.Figure f, String currency) {
        BigDecimal change = f.change();
        return new KpiCard(f.label(), FigureText.of(f.unit(), currency, f.current()),
                FigureText.of(f.unit(), currency, f.previous()), FigureText.change(change),
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
