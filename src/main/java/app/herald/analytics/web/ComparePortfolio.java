package app.herald.analytics.web;

import app.herald.analytics.application.Analytics;
import app.herald.analytics.domain.Basis;
import app.herald.analytics.domain.FigureText;
import app.herald.analytics.domain.Formulas;
import app.herald.analytics.domain.Period;
import app.herald.analytics.domain.Totals;
import app.herald.analytics.infrastructure.RollupQueries;
import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.kernel.web.Charts;
import app.herald.tenancy.application.TenantDirectory;
import app.herald.tenancy.application.TenantWork;
import app.herald.tenancy.domain.Tenant;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agency's portfolio (/agency/portfolio.xhtml): every client the member may open, side by side over the last
 * 7, 30 or 90 days against the period before, with a chart to compare them. Each client is read in a request of its
 * own, in its own zone, through the same gate as its workspace.
 */
@Named
@ViewScoped
public class ComparePortfolio implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentActor current;
    @Inject
    TenantDirectory directory;
    @Inject
    TenantWork work;
    @Inject
    Analytics analytics;

    private int days = 30;
    private transient List<Row> rows;

    /** One client's totals now and before. */
    public record Row(long clientId, String name, Totals now, Totals before) {

        public Map<String, String> getCells() {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("posts", FigureText.count((long) now.postsPublished()));
            cells.put("impressions", FigureText.count(now.impressions()));
            cells.put("engagements", FigureText.count(now.engagements()));
            cells.put("engagementsChange", FigureText.change(change(now.engagements(), before.engagements())));
            cells.put("rate", FigureText.percent(now.engagementRateByImpressions()));
            cells.put("followers", FigureText.count(now.followersAtEnd()));
            cells.put("growth", FigureText.percent(now.followerGrowthRate()));
            cells.put("clicks", FigureText.count(now.clicks()));
            cells.put("conversions", FigureText.count(now.conversions()));
            return cells;
        }

        public long getClientId() {
            return clientId;
        }

        public String getName() {
            return name;
        }

        private static BigDecimal change(Long now, Long before) {
            return Formulas.change(now == null ? null : BigDecimal.valueOf(now),
                    before == null ? null : BigDecimal.valueOf(before));
        }
    }

    public void open() {
        load();
    }

    public void reload() {
        load();
    }

    private void load() {
        Actor actor = current.get();
        List<Row> found = new ArrayList<>();
        for (Tenant client : directory.visibleTo(actor)) {
            if (client.isActive()) {
                found.add(work.in(actor, client.getId(), tenant -> {
                    Period period = Period.lastDays(days, LocalDate.now(tenant.zone()), Basis.ACTIVITY);
                    return new Row(tenant.id(), tenant.name(), analytics.totals(period),
                            analytics.totals(period.previous()));
                }));
            }
        }
        rows = found;
    }

    public List<Row> getRows() {
        if (rows == null) {
            load();
        }
        return rows;
    }

    public String getChart() {
        List<Row> all = getRows();
        return Charts.bar(all.stream().map(Row::name).toList(),
                new Charts.Series("Engagements", all.stream().map(r -> r.now().engagements()).toList(), Charts.GREEN,
                        null),
                new Charts.Series("Link clicks", all.stream().map(r -> (Long) r.now().clicks()).toList(),
                        Charts.AMBER, null));
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = List.of(7, 30, 90).contains(days) ? days : 30;
    }
}
