package app.herald.overview.web;

import app.herald.analytics.application.Trend;
import app.herald.analytics.domain.DailyPoint;
import app.herald.analytics.domain.FigureText;
import app.herald.analytics.domain.Headline;
import app.herald.analytics.web.KpiCard;
import app.herald.content.domain.Post;
import app.herald.identity.domain.Actor;
import app.herald.kernel.web.Charts;
import app.herald.overview.application.ClientOverviews;
import app.herald.overview.domain.Overview;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.domain.AuditEntry;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client's home (/client/home.xhtml?client=ID) as its dashboard: what waits for the person's decision, the next
 * seven days, publishing problems, the last 30 days' headline figures with their trend (the chart's figures also as a
 * table, for those who do not see it), and, for the agency's owners and managers, recent activity.
 */
@Named
@ViewScoped
public class ClientOverview implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 8;
    private static final int ACTIVITY = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    @Inject
    ClientAccess access;
    @Inject
    ClientOverviews overviews;
    @Inject
    TenantAuditLog audit;

    private transient Overview overview;
    private List<AuditEntry> activity;

    /** Recent activity is the audit log, which only the agency's owners and managers see. */
    public void open() {
        if (access.open()) {
            Actor actor = access.enter();
            overview = overviews.overview(actor);
            if (actor.runs(access.getClient().agencyId())) {
                activity = audit.recent(ACTIVITY);
            }
        }
    }

    private Overview overview() {
        if (overview == null) {
            overview = overviews.overview(access.enter());
        }
        return overview;
    }

    public List<Post> getWaiting() {
        return overview().waitingForMe().stream().limit(SHOWN).toList();
    }

    /** How many more wait than the list shows: the list says so instead of hiding them. */
    public int getMoreWaiting() {
        return Math.max(0, overview().waitingForMe().size() - SHOWN);
    }

    public List<Post> getUpcoming() {
        return overview().nextSevenDays().stream().limit(SHOWN).toList();
    }

    public int getMoreUpcoming() {
        return Math.max(0, overview().nextSevenDays().size() - SHOWN);
    }

    public long getNeedAttention() {
        return overview().needAttention();
    }

    public List<KpiCard> getCards() {
        Trend d = overview().lastThirtyDays();
        return Headline.of(d.current(), d.previous()).stream().map(f -> KpiCard.of(f, d.currency())).toList();
    }

    public String getTrendChart() {
        List<DailyPoint> days = overview().lastThirtyDays().days();
        return Charts.barWithLine(days.stream().map(p -> DAY.format(p.day())).toList(),
                new Charts.Series("Engagements", days.stream().map(DailyPoint::engagements).toList(), Charts.GREEN, null),
                new Charts.Series("Impressions", days.stream().map(DailyPoint::impressions).toList(), Charts.BLUE, "line"));
    }

    /** The chart's figures, day by day, as its text alternative. */
    public List<Map<String, String>> getTrendRows() {
        return overview().lastThirtyDays().days().stream().map(p -> Map.of("day", DAY.format(p.day()),
                "engagements", FigureText.count(p.engagements()), "impressions", FigureText.count(p.impressions()),
                "clicks", FigureText.count(p.clicks()))).toList();
    }

    public List<AuditEntry> getActivity() {
        return activity;
    }

    public ClientAccess getAccess() {
        return access;
    }
}
