package app.herald.analytics.infrastructure;

import app.herald.analytics.domain.PostNumbers;
import app.herald.kernel.sql.Jdbc;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Writes the current tenant's analytics tables. Rollup rows are shared by every post of a channel and campaign on a
 * day, and measurements run in parallel on several nodes, so each change is one atomic
 * {@code INSERT ... ON DUPLICATE KEY UPDATE} that adds to the row: no read-modify-write that could lose a count.
 * Joins the caller's transaction.
 */
@ApplicationScoped
public class RollupStore {

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Inject
    TenantContext context;

    /** The identity of a published post in the rollups: where its numbers add up. */
    public record Placement(long publicationId, long postId, long channelId, Long campaignId) {

        long campaignKey() {
            return campaignId == null ? 0 : campaignId;
        }
    }

    /**
     * A post went out: it gets its performance row, which is also what counts it among its day's posts (no rollup row
     * is touched: that row is shared by every post of the channel on the day, and publications would wait for each
     * other on it). One upsert, not an update followed by an insert: under REPEATABLE READ an update of a missing row
     * takes a gap lock, and two publications of one post finishing at once would then wait on each other's gap.
     */
    public void published(TenantRef tenant, Placement post, Instant publishedAt, LocalDate publishedOn,
                          int hourOfWeek) {
        // The tenant is the event's, not the bound one: a round records several tenants' publications (ADR 0033).
        Jdbc.update(dataSource, "INSERT INTO " + tenant.schema().value() + ".post_performance (publication_id, "
                + "post_id, channel_id, campaign_id, published_at, published_on, hour_of_week) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE published_at = ?", post.publicationId(),
                post.postId(), post.channelId(), post.campaignId(), publishedAt.toEpochMilli(), publishedOn, hourOfWeek,
                publishedAt.toEpochMilli());
    }

    public Optional<Placement> placement(long publicationId) {
        return Jdbc.first(dataSource, "SELECT publication_id, post_id, channel_id, campaign_id FROM "
                + table("post_performance") + " WHERE publication_id = ?", row -> new Placement(row.getLong(1),
                row.getLong(2), row.getLong(3), Jdbc.longOrNull(row, 4)), publicationId);
    }

    /** The lifetime numbers last recorded for the post. */
    public PostNumbers latest(long publicationId) {
        return Jdbc.first(dataSource, "SELECT impressions, reach, likes, shares, replies, quotes, saves, link_clicks, "
                + "video_views FROM " + table("post_performance") + " WHERE publication_id = ?",
                row -> new PostNumbers(Jdbc.longOrNull(row, 1), Jdbc.longOrNull(row, 2), Jdbc.longOrNull(row, 3),
                        Jdbc.longOrNull(row, 4), Jdbc.longOrNull(row, 5), Jdbc.longOrNull(row, 6),
                        Jdbc.longOrNull(row, 7), Jdbc.longOrNull(row, 8), Jdbc.longOrNull(row, 9)), publicationId)
                .orElse(PostNumbers.NONE);
    }

    /**
     * Records a reading of a post: the raw snapshot, the growth since the last reading added to the day it was taken
     * on (activity), and the new lifetime numbers on the post. A number the network stopped reporting keeps its last
     * value.
     */
    public void measured(Placement post, int checkpoint, Instant takenAt, LocalDate takenOn, PostNumbers now) {
        PostNumbers before = latest(post.publicationId());
        Jdbc.update(dataSource, "INSERT INTO " + table("metric_snapshot") + " (publication_id, checkpoint, taken_at, "
                + "impressions, reach, likes, shares, replies, quotes, saves, link_clicks, video_views) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", post.publicationId(), checkpoint,
                takenAt.toEpochMilli(), now.impressions(), now.reach(), now.likes(), now.shares(), now.replies(),
                now.quotes(), now.saves(), now.linkClicks(), now.videoViews());
        Map<String, Long> growth = new LinkedHashMap<>();
        putIfPresent(growth, "impressions", PostNumbers.growth(now.impressions(), before.impressions()));
        putIfPresent(growth, "reach", PostNumbers.growth(now.reach(), before.reach()));
        putIfPresent(growth, "engagements", PostNumbers.growth(now.engagements(), before.engagements()));
        putIfPresent(growth, "network_clicks", PostNumbers.growth(now.linkClicks(), before.linkClicks()));
        if (!growth.isEmpty()) {
            add(takenOn, post.channelId(), post.campaignKey(), growth);
        }
        PostNumbers kept = new PostNumbers(keep(now.impressions(), before.impressions()),
                keep(now.reach(), before.reach()), keep(now.likes(), before.likes()),
                keep(now.shares(), before.shares()), keep(now.replies(), before.replies()),
                keep(now.quotes(), before.quotes()), keep(now.saves(), before.saves()),
                keep(now.linkClicks(), before.linkClicks()), keep(now.videoViews(), before.videoViews()));
        Jdbc.update(dataSource, "UPDATE " + table("post_performance") + " SET impressions = ?, reach = ?, likes = ?, "
                + "shares = ?, replies = ?, quotes = ?, saves = ?, link_clicks = ?, video_views = ?, engagements = ?, "
                + "measured_at = ?, checkpoints = checkpoints + 1, last_error = NULL WHERE publication_id = ?",
                kept.impressions(), kept.reach(), kept.likes(), kept.shares(), kept.replies(), kept.quotes(),
                kept.saves(), kept.linkClicks(), kept.videoViews(), kept.engagements(), takenAt.toEpochMilli(),
                post.publicationId());
    }

    /** A reading that failed for good: the post shows why its numbers may be behind. */
    public void measurementFailed(long publicationId, String problem) {
        Jdbc.update(dataSource, "UPDATE " + table("post_performance") + " SET last_error = ? WHERE publication_id = ?",
                problem == null ? null : problem.substring(0, Math.min(problem.length(), 1000)), publicationId);
    }

    /** A counted click on a tracked link of the post. */
    public void clicked(Placement post, LocalDate on) {
        Jdbc.update(dataSource, "UPDATE " + table("post_performance") + " SET clicks = clicks + 1 "
                + "WHERE publication_id = ?", post.publicationId());
        add(on, post.channelId(), post.campaignKey(), Map.of("clicks", 1L));
    }

    /** A conversion: attributed to a post, or (placement empty) counted for the client only. */
    public void converted(Optional<Placement> post, LocalDate on, long valueCents) {
        post.ifPresent(p -> Jdbc.update(dataSource, "UPDATE " + table("post_performance") + " SET conversions = "
                + "conversions + 1, conversion_value_cents = conversion_value_cents + ? WHERE publication_id = ?",
                valueCents, p.publicationId()));
        add(on, post.map(Placement::channelId).orElse(0L), post.map(Placement::campaignKey).orElse(0L),
                Map.of("conversions", 1L, "conversion_value_cents", valueCents));
    }

    /** The channel's follower count on a day; a later reading that day replaces an earlier one. */
    public void followers(long channelId, LocalDate on, long followers, Instant takenAt) {
        Jdbc.update(dataSource, "INSERT INTO " + table("follower_count") + " (channel_id, on_day, followers, taken_at) "
                + "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE followers = ?, taken_at = ?", channelId, on, followers,
                takenAt.toEpochMilli(), followers, takenAt.toEpochMilli());
    }

    /** Removes raw snapshots taken before the given instant; rollups and lifetime numbers stay. */
    public int purgeSnapshots(Instant before) {
        return Jdbc.update(dataSource, "DELETE FROM " + table("metric_snapshot") + " WHERE taken_at < ?",
                before.toEpochMilli());
    }

    private void add(LocalDate on, long channelId, long campaignId, Map<String, Long> amounts) {
        List<String> columns = new ArrayList<>(amounts.keySet());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table("daily_rollup"))
                .append(" (on_day, channel_id, campaign_id");
        columns.forEach(c -> sql.append(", ").append(c));
        sql.append(") VALUES (?, ?, ?").append(", ?".repeat(columns.size())).append(") ON DUPLICATE KEY UPDATE ");
        sql.append(String.join(", ", columns.stream().map(c -> c + " = COALESCE(" + c + ", 0) + ?").toList()));
        List<Object> parameters = new ArrayList<>(List.of(on, channelId, campaignId));
        columns.forEach(c -> parameters.add(amounts.get(c)));
        columns.forEach(c -> parameters.add(amounts.get(c)));
        Jdbc.update(dataSource, sql.toString(), parameters.toArray());
    }

    private static void putIfPresent(Map<String, Long> map, String column, Long value) {
        if (value != null) {
            map.put(column, value);
        }
    }

    private static Long keep(Long now, Long before) {
        return now != null ? now : before;
    }

    private String table(String name) {
        return context.table(name);
    }
}
