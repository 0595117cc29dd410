package app.herald.engagement.application;

import app.herald.engagement.domain.BusinessHours;
import app.herald.engagement.domain.EngagementFigures;
import app.herald.engagement.domain.InboxSettings;
import app.herald.engagement.domain.ResponseTimes;
import app.herald.engagement.infrastructure.EngagementQueries;
import app.herald.identity.domain.Actor;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The current client's inbox figures for a period of whole days in its zone (docs/analytics.md, "Engagement"): sums
 * from the database, response times computed here in all hours and in the client's business hours. A first answer is
 * the earliest answer that went out for one wait (one {@code answers_since}): a second answer to the same words is not
 * a second response.
 */
@Stateless
public class EngagementAnalytics {

    /** Long enough for a year's report with its comparison, as analytics' own periods. */
    static final int MAX_DAYS = 731;

    @Inject
    EngagementQueries queries;
    @Inject
    InboxPolicy policy;
    @Inject
    TenantContext context;

    public EngagementFigures figures(Actor actor, LocalDate from, LocalDate to) {
        policy.requireReader(actor);
        return figures(from, to);
    }

    /** For reports and the portfolio, which check the reader themselves. */
    public EngagementFigures figures(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new RuleViolation("Choose a period of 1 to " + MAX_DAYS + " days.");
        }
        ZoneId zone = context.current().zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        InboxSettings settings = policy.settings();
        BusinessHours hours = settings.getBusinessHours();
        Duration target = settings.getSla();

        List<EngagementQueries.SentAnswer> sent = queries.answersSent(start, end);
        List<EngagementQueries.SentAnswer> firsts = firstAnswers(sent);
        List<Duration> all = new ArrayList<>();
        List<Duration> business = new ArrayList<>();
        long withinTarget = 0;
        for (EngagementQueries.SentAnswer answer : firsts) {
            Instant since = Instant.ofEpochMilli(answer.answersSince());
            Instant at = Instant.ofEpochMilli(answer.publishedAt());
            all.add(Duration.between(since, at));
            Duration inHours = hours.within(since, at, zone);
            business.add(inHours);
            withinTarget += inHours.compareTo(target) <= 0 ? 1 : 0;
        }
        Instant now = Instant.now();
        long overdue = queries.waitingSince().stream()
                .filter(since -> hours.within(Instant.ofEpochMilli(since), now, zone).compareTo(target) > 0).count();
        List<Duration> resolutions = queries.closed(start, end).stream()
                .map(c -> Duration.ofMillis(Math.max(0, c.doneAt() - c.openedAt()))).toList();
        return new EngagementFigures(from, to, queries.inboundByKind(start, end), queries.inboundByNetwork(start, end),
                daily(from, to, zone, start, end), queries.conversationsOpened(start, end),
                queries.conversationsAnswered(start, end), ResponseTimes.of(all), ResponseTimes.of(business),
                ResponseTimes.of(resolutions), target, withinTarget, overdue, members(sent, firsts, hours, zone),
                queries.newContacts(start, end), queries.returningContacts(start, end),
                queries.activeContacts(start, end), queries.followersWhoInteracted(start, end));
    }

    /** The earliest answer for each wait that has one. */
    private static List<EngagementQueries.SentAnswer> firstAnswers(List<EngagementQueries.SentAnswer> sent) {
        return sent.stream().filter(a -> a.answersSince() != null)
                .collect(Collectors.groupingBy(a -> a.conversationId() + ":" + a.answersSince(),
                        Collectors.minBy(Comparator.comparingLong(EngagementQueries.SentAnswer::publishedAt))))
                .values().stream().flatMap(java.util.Optional::stream).toList();
    }

    private List<EngagementFigures.Day> daily(LocalDate from, LocalDate to, ZoneId zone, Instant start, Instant end) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new long[2]);
        }
        for (long[] bucket : queries.inboundBuckets(start, end)) {
            days.computeIfPresent(dayOf(bucket[0], zone), (d, counts) -> add(counts, 0, bucket[1]));
        }
        for (long[] bucket : queries.answerBuckets(start, end)) {
            days.computeIfPresent(dayOf(bucket[0], zone), (d, counts) -> add(counts, 1, bucket[1]));
        }
        return days.entrySet().stream().map(e -> new EngagementFigures.Day(e.getKey(), e.getValue()[0],
                e.getValue()[1])).toList();
    }

    private static LocalDate dayOf(long bucket, ZoneId zone) {
        return Instant.ofEpochMilli(bucket * EngagementQueries.BUCKET).atZone(zone).toLocalDate();
    }

    private static long[] add(long[] counts, int at, long value) {
        counts[at] += value;
        return counts;
    }

    private static List<EngagementFigures.Member> members(List<EngagementQueries.SentAnswer> sent,
                                                          List<EngagementQueries.SentAnswer> firsts,
                                                          BusinessHours hours, ZoneId zone) {
        Map<Long, String> names = new LinkedHashMap<>();
        sent.forEach(a -> names.putIfAbsent(a.authorId(), a.authorName()));
        return names.entrySet().stream().map(person -> new EngagementFigures.Member(person.getValue(),
                        sent.stream().filter(a -> a.authorId() == person.getKey()).count(),
                        ResponseTimes.of(firsts.stream().filter(a -> a.authorId() == person.getKey())
                                .map(a -> hours.within(Instant.ofEpochMilli(a.answersSince()),
                                        Instant.ofEpochMilli(a.publishedAt()), zone)).toList())))
                .sorted(Comparator.comparingLong(EngagementFigures.Member::answers).reversed()
                        .thenComparing(EngagementFigures.Member::name, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
