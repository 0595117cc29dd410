package app.herald.analytics.application;

import app.herald.analytics.domain.DailyPoint;
import app.herald.analytics.domain.Totals;
import java.util.List;

/** One client's totals for a period against the period before, and the period's daily series. */
public record Trend(Totals current, Totals previous, List<DailyPoint> days, String currency) {
}
