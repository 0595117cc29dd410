package app.herald.engagement.web;

import app.herald.engagement.application.EngagementAnalytics;
import app.herald.engagement.application.InboxPolicy;
import app.herald.engagement.domain.EngagementFigures;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conversations part of the agency's portfolio (/agency/portfolio.xhtml, for the days the page shows): each
 * client's inbox side by side, how much came in and how fast and how fully the agency answered, so that a client
 * whose people wait stands out. Each client is read in a request of its own, in its own zone, through the gate.
 */
@Named
@ViewScoped
public class CompareInboxes implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentActor current;
    @Inject
    TenantDirectory directory;
    @Inject
    TenantWork work;
    @Inject
    EngagementAnalytics analytics;
    @Inject
    InboxPolicy policy;

    private int readFor;
    private List<Row> rows = List.of();

    /** One client's inbox over the period. */
    public record Row(long clientId, String name, EngagementFigures figures) implements Serializable {

        public String getName() {
            return name;
        }

        public long getClientId() {
            return clientId;
        }

        public String getInbound() {
            return EngagementText.count(figures.inbound());
        }

        public String getReplyRate() {
            return EngagementText.percent(figures.replyRate());
        }

        public String getFirstAnswer() {
            return EngagementText.median(figures.firstAnswerBusiness());
        }

        public String getWithinTarget() {
            return EngagementText.percent(figures.withinTarget());
        }

        public long getOverdueNow() {
            return figures.overdueNow();
        }

        public long getNewContacts() {
            return figures.newContacts();
        }

        public long getReturningContacts() {
            return figures.returningContacts();
        }

        public long getFollowersWhoInteracted() {
            return figures.followersWhoInteracted();
        }
    }

    /** Every active client this person may open and whose inbox they read, over the last {@code days} days. */
    public List<Row> rows(int days) {
        if (days != readFor) {
            Actor actor = current.get();
            List<Row> found = new ArrayList<>();
            for (Tenant client : directory.visibleTo(actor)) {
                if (client.isActive()) {
                    work.in(actor, client.getId(), tenant -> {
                        if (!policy.mayRead(actor)) {
                            return Optional.<Row>empty();
                        }
                        LocalDate today = LocalDate.now(tenant.zone());
                        return Optional.of(new Row(tenant.id(), tenant.name(),
                                analytics.figures(today.minusDays(days - 1L), today)));
                    }).ifPresent(found::add);
                }
            }
            rows = found;
            readFor = days;
        }
        return rows;
    }

    public String chart(int days) {
        List<Row> all = rows(days);
        return Charts.bar(all.stream().map(Row::name).toList(),
                new Charts.Series("Came in", all.stream().map(r -> r.figures().inbound()).toList(), Charts.BLUE, null),
                new Charts.Series("Conversations answered", all.stream()
                        .map(r -> r.figures().conversationsAnswered()).toList(), Charts.GREEN, null));
    }
}
