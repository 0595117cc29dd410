package app.herald.engagement.infrastructure;

import app.herald.content.domain.Network;
import app.herald.kernel.sql.Jdbc;
import app.herald.publishing.domain.InteractionKind;
import app.herald.tenancy.application.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The inbox's figures as the database sums them, in the current client's schema: counts grouped by what the screens
 * show, and the few rows per answer or closed conversation that response times are computed from. Instants are
 * epoch milliseconds; days are formed by the caller in the client's zone from quarter-hour buckets (every time zone's
 * offset is a whole number of quarter hours).
 */
@ApplicationScoped
public class EngagementQueries {

    /** Fifteen minutes, in milliseconds. */
    public static final long BUCKET = 900_000;

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Inject
    TenantContext context;

    /** One answer that went out: its conversation, since when it answered, when it went out, and who wrote it. */
    public record SentAnswer(long conversationId, Long answersSince, long publishedAt, long authorId, String authorName) {
    }

    /** A conversation closed in the period: when it opened and when it was closed. */
    public record Closed(long openedAt, long doneAt) {
    }

    public Map<InteractionKind, Long> inboundByKind(Instant from, Instant until) {
        Map<InteractionKind, Long> counts = new EnumMap<>(InteractionKind.class);
        Jdbc.list(dataSource, "SELECT kind, COUNT(*) FROM " + table("interaction") + " WHERE occurred_at >= ? AND "
                        + "occurred_at < ? GROUP BY kind", row -> counts.put(InteractionKind.valueOf(row.getString(1)),
                        row.getLong(2)), from.toEpochMilli(), until.toEpochMilli());
        return counts;
    }

    public Map<Network, Long> inboundByNetwork(Instant from, Instant until) {
        Map<Network, Long> counts = new EnumMap<>(Network.class);
        Jdbc.list(dataSource, "SELECT c.network, COUNT(*) FROM " + table("interaction") + " i JOIN "
                        + table("channel") + " c ON c.id = i.channel_id WHERE i.occurred_at >= ? AND i.occurred_at < ? "
                        + "GROUP BY c.network", row -> counts.put(Network.valueOf(row.getString(1)), row.getLong(2)),
                from.toEpochMilli(), until.toEpochMilli());
        return counts;
    }

    /** Items that came in per quarter hour (bucket number since the epoch, count). */
    public List<long[]> inboundBuckets(Instant from, Instant until) {
        return buckets("SELECT FLOOR(occurred_at / " + BUCKET + "), COUNT(*) FROM " + table("interaction")
                + " WHERE occurred_at >= ? AND occurred_at < ? GROUP BY FLOOR(occurred_at / " + BUCKET + ")", from, until);
    }

    /** Answers that went out per quarter hour. */
    public List<long[]> answerBuckets(Instant from, Instant until) {
        return buckets("SELECT FLOOR(published_at / " + BUCKET + "), COUNT(*) FROM " + table("inbox_reply")
                + " WHERE state = 'PUBLISHED' AND published_at >= ? AND published_at < ? GROUP BY FLOOR(published_at / "
                + BUCKET + ")", from, until);
    }

    private List<long[]> buckets(String sql, Instant from, Instant until) {
        return Jdbc.list(dataSource, sql, row -> new long[] {row.getLong(1), row.getLong(2)}, from.toEpochMilli(),
                until.toEpochMilli());
    }

    public long conversationsOpened(Instant from, Instant until) {
        return count("SELECT COUNT(*) FROM " + table("conversation") + " WHERE opened_at >= ? AND opened_at < ?",
                from, until);
    }

    /** Of the conversations opened in the period, those that got an answer out (whenever it went). */
    public long conversationsAnswered(Instant from, Instant until) {
        return count("SELECT COUNT(*) FROM " + table("conversation") + " c WHERE c.opened_at >= ? AND c.opened_at < ? "
                + "AND EXISTS (SELECT 1 FROM " + table("inbox_reply") + " r WHERE r.conversation_id = c.id AND "
                + "r.state = 'PUBLISHED')", from, until);
    }

    /** Every answer that went out in the period. */
    public List<SentAnswer> answersSent(Instant from, Instant until) {
        return Jdbc.list(dataSource, "SELECT conversation_id, answers_since, published_at, author_id, author_name FROM "
                        + table("inbox_reply") + " WHERE state = 'PUBLISHED' AND published_at >= ? AND published_at < ?",
                row -> new SentAnswer(row.getLong(1), Jdbc.longOrNull(row, 2), row.getLong(3), row.getLong(4),
                        row.getString(5)), from.toEpochMilli(), until.toEpochMilli());
    }

    public List<Closed> closed(Instant from, Instant until) {
        return Jdbc.list(dataSource, "SELECT opened_at, done_at FROM " + table("conversation") + " WHERE done_at >= ? "
                + "AND done_at < ?", row -> new Closed(row.getLong(1), row.getLong(2)), from.toEpochMilli(),
                until.toEpochMilli());
    }

    /** Since when each conversation that waits for an answer now has been waiting. */
    public List<Long> waitingSince() {
        return Jdbc.list(dataSource, "SELECT waiting_since FROM " + table("conversation") + " WHERE state = 'NEW' AND "
                + "waiting_since IS NOT NULL", row -> row.getLong(1));
    }

    public long newContacts(Instant from, Instant until) {
        return count("SELECT COUNT(*) FROM " + table("contact") + " WHERE first_seen_at >= ? AND first_seen_at < ?",
                from, until);
    }

    public long activeContacts(Instant from, Instant until) {
        return count("SELECT COUNT(DISTINCT contact_id) FROM " + table("interaction") + " WHERE occurred_at >= ? AND "
                + "occurred_at < ?", from, until);
    }

    /** People who did something in the period and had been seen before it. */
    public long returningContacts(Instant from, Instant until) {
        return Jdbc.first(dataSource, "SELECT COUNT(DISTINCT i.contact_id) FROM " + table("interaction") + " i JOIN "
                        + table("contact") + " c ON c.id = i.contact_id WHERE i.occurred_at >= ? AND i.occurred_at < ? "
                        + "AND c.first_seen_at < ?", row -> row.getLong(1), from.toEpochMilli(), until.toEpochMilli(),
                from.toEpochMilli()).orElse(0L);
    }

    /** People who followed the client in the period after having interacted with it before that follow. */
    public long followersWhoInteracted(Instant from, Instant until) {
        return count("SELECT COUNT(DISTINCT f.contact_id) FROM " + table("interaction") + " f WHERE f.kind = 'FOLLOW' "
                + "AND f.occurred_at >= ? AND f.occurred_at < ? AND EXISTS (SELECT 1 FROM " + table("interaction")
                + " e WHERE e.contact_id = f.contact_id AND e.kind <> 'FOLLOW' AND e.occurred_at < f.occurred_at)",
                from, until);
    }

    private long count(String sql, Instant from, Instant until) {
        return Jdbc.first(dataSource, sql, row -> row.getLong(1), from.toEpochMilli(), until.toEpochMilli()).orElse(0L);
    }

    private String table(String name) {
        return context.table(name);
    }
}
