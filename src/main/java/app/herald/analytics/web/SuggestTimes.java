package app.herald.analytics.web;

import app.herald.analytics.application.Analytics;
import app.herald.analytics.domain.BestTimes;
import app.herald.content.application.Channels;
import app.herald.content.web.ComposePost;
import app.herald.kernel.WallClock;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Suggested times in the composer: for the channels the post goes to, the hours of the week whose posts earned the
 * most engagement (from the client's own history, {@link BestTimes}); choosing one sets the post's time to its next
 * occurrence in the client's zone. Says so when there is not enough history yet.
 */
@Named
@ViewScoped
public class SuggestTimes implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ComposePost composer;
    @Inject
    Analytics analytics;
    @Inject
    Channels channels;

    /** A suggested hour for one channel. */
    public record Suggestion(String channel, BestTimes.Slot slot) implements Serializable {
        public String getLabel() {
            return slot.getLabel() + " · " + channel;
        }

        public String getKey() {
            return slot.day().getValue() + "-" + slot.time().getHour();
        }
    }

    /** The suggestions for the channels chosen when they were last worked out; the page asks more than once. */
    private transient List<Suggestion> suggestions;
    private transient List<Long> suggestedFor;

    public List<Suggestion> getSuggestions() {
        List<Long> chosen = List.copyOf(composer.getChosen());
        if (suggestions == null || !chosen.equals(suggestedFor)) {
            suggestions = suggest(chosen);
            suggestedFor = chosen;
        }
        return suggestions;
    }

    private List<Suggestion> suggest(List<Long> chosen) {
        List<Suggestion> found = new ArrayList<>();
        if (chosen.isEmpty()) {
            return found;
        }
        // A postback may ask before the composer's own action has entered the client: enter it here too.
        composer.getAccess().enter();
        for (long channelId : chosen) {
            BestTimes.Verdict verdict = analytics.bestTimes(channelId);
            String label = channels.find(channelId).label();
            verdict.getSlots().forEach(slot -> found.add(new Suggestion(label, slot)));
        }
        return found;
    }

    public String getExplanation() {
        return composer.getChosen().isEmpty() ? "Choose channels to see when their audience engages most."
                : getSuggestions().isEmpty() ? "Not enough history yet to suggest times for these channels: Herald "
                + "needs " + BestTimes.MIN_POSTS + " measured posts per channel."
                : "Best hours from this client's own history (median engagements per post).";
    }

    /** Sets the post's time to the next occurrence of the chosen hour of the week (day-hour, Monday = 1). */
    public void use(String key) {
        String[] parts = key.split("-");
        int day = Integer.parseInt(parts[0]);
        int hour = Integer.parseInt(parts[1]);
        ZoneId zone = composer.getAccess().getClient().zone();
        composer.setWhen(next(java.time.DayOfWeek.of(day), hour, ZonedDateTime.now(zone)));
    }

    static LocalDateTime next(java.time.DayOfWeek day, int hour, ZonedDateTime now) {
        LocalDateTime candidate = now.toLocalDate().with(TemporalAdjusters.nextOrSame(day)).atTime(hour, 0);
        if (!WallClock.at(candidate, now.getZone()).isAfter(now)) {
            candidate = candidate.plusWeeks(1);
        }
        return candidate;
    }
}
