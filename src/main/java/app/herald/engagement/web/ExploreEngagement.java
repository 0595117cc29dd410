package app.herald.engagement.web;

import app.herald.engagement.application.EngagementAnalytics;
import app.herald.engagement.application.InboxPolicy;
import app.herald.engagement.domain.EngagementFigures;
import app.herald.engagement.domain.ResponseTimes;
import app.herald.identity.domain.Actor;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Charts;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Engagement section of a client's analytics (on /client/analytics.xhtml, for the period the page shows): what
 * came in, how fast and how fully the agency answered, and how the relationship grew, as figures, two charts and
 * their tables. Read once per period.
 */
@Named
@ViewScoped
public class ExploreEngagement implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    @Inject
    EngagementAnalytics analytics;
    @Inject
    InboxPolicy policy;

    private String readFor;
    private EngagementFigures figures;

    /** A figure for the cards: its name, its value in words, and a note. */
    public record Card(String label, String value, String note) implements Serializable {
    }

    /** The figures for the page's period; null when this person may not read the client's inbox. */
    public EngagementFigures of(ClientAccess access, LocalDate from, LocalDate to) {
        String key = from + "/" + to;
        if (!key.equals(readFor) && from != null && to != null) {
            Actor actor = access.enter();
            try {
                figures = policy.mayRead(actor) ? analytics.figures(actor, from, to) : null;
            } catch (RuleViolation e) {
                figures = null;
            }
            readFor = key;
        }
        return figures;
    }

    public List<Card> cards(EngagementFigures f) {
        List<Card> cards = new ArrayList<>();
        cards.add(new Card("Came in", EngagementText.count(f.inbound()),
                f.conversationsOpened() + " conversations"));
        cards.add(new Card("Reply rate", EngagementText.percent(f.replyRate()), f.conversationsAnswered() + " answered"));
        cards.add(new Card("First answer (business hours)", median(f.firstAnswerBusiness()),
                "90% within " + duration(f.firstAnswerBusiness().p90())));
        cards.add(new Card("First answer (all hours)", median(f.firstAnswer()),
                "90% within " + duration(f.firstAnswer().p90())));
        cards.add(new Card("Within the target", EngagementText.percent(f.withinTarget()), "target " + duration(f.target())
                + (f.overdueNow() > 0 ? " · " + f.overdueNow() + " overdue now" : "")));
        cards.add(new Card("Resolution", median(f.resolution()), f.resolution().count() + " closed"));
        cards.add(new Card("New contacts", String.valueOf(f.newContacts()), f.activeContacts() + " active"));
        cards.add(new Card("Returning contacts", String.valueOf(f.returningContacts()), "seen before the period"));
        cards.add(new Card("Followers who had interacted", String.valueOf(f.followersWhoInteracted()),
                "followed after talking"));
        return cards;
    }

    public String dailyChart(EngagementFigures f) {
        return Charts.barWithLine(f.daily().stream().map(d -> DAY.format(d.day())).toList(),
                new Charts.Series("Came in", f.daily().stream().map(EngagementFigures.Day::inbound).toList(),
                        Charts.BLUE, null),
                new Charts.Series("Answers sent", f.daily().stream().map(EngagementFigures.Day::answers).toList(),
                        Charts.GREEN, "line"));
    }

    public String kindChart(EngagementFigures f) {
        List<String> labels = f.inboundByKind().keySet().stream().map(k -> k.label()).toList();
        return Charts.bar(labels, new Charts.Series("Came in", List.copyOf(f.inboundByKind().values()), Charts.VIOLET,
                null));
    }

    public List<Map.Entry<String, Long>> byNetwork(EngagementFigures f) {
        return f.inboundByNetwork().entrySet().stream().map(e -> Map.entry(e.getKey().label(), e.getValue())).toList();
    }

    public List<Map.Entry<String, Long>> byKind(EngagementFigures f) {
        return f.inboundByKind().entrySet().stream().map(e -> Map.entry(e.getKey().label(), e.getValue())).toList();
    }

    public String day(LocalDate day) {
        return DAY.format(day);
    }

    public String median(ResponseTimes times) {
        return EngagementText.median(times);
    }

    public String duration(Duration d) {
        return EngagementText.duration(d);
    }
}
