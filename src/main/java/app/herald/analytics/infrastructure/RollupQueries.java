package app.herald.analytics.infrastructure;

import app.herald.analytics.domain.BestTimes;
import app.herald.analytics.domain.DailyPoint;
import app.herald.analytics.domain.FollowerHistory;
import app.herald.analytics.domain.Period;
import app.herald.analytics.domain.PostNumbers;
import app.herald.analytics.domain.PostPerformance;
import app.herald.analytics.domain.Totals;
import app.herald.kernel.sql.Jdbc;
import app.herald.tenancy.application.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Reads the current tenant's rollups: totals over a period (as activity from daily_rollup, or as the lifetime of the
 * posts published in it from post_performance), daily series, follower counts, rankings. Dashboards and reports read
 * only these tables, never the raw snapshots, so a year of history costs a few hundred rows per channel.
 */
@ApplicationScoped
public class RollupQueries {

    private static final String POST_COLUMNS = "publication_id, post_id, channel_id, campaign_id, published_at, "
            + "measured_at, checkpoints, impressions, reach, likes, shares, replies, quotes, saves, link_clicks, "
            + "video_views, clicks, conversions, conversion_value_cents, last_error";

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Inject
    TenantContext context;

    /** Filters: a channel, a campaign, or neither (null). */
    public record Scope(Long channelId, Long campaignId) {

        public static final Scope ALL = new Scope(null, null);

        String where() {
            return (channelId == null ? "" : " AND channel_id = " + channelId)
                    + (campaignId == null ? "" : " AND campaign_id = " + campaignId);
        }
    }

    /** Totals over the period; followers come from {@code followers}, read once by the caller for all it shows. */
    public Totals totals(Period period, Scope scope, FollowerHistory followers) {
        Long[] ends = followers.ends(period);
        Long start = ends[0];
        Long end = ends[1];
        String sums = "SUM(impressions), SUM(reach), SUM(engagements), SUM(%s), SUM(clicks), SUM(conversions), "
                + "SUM(conversion_value_cents)";
        if (period.basis() == app.herald.analytics.domain.Basis.LIFETIME) {
            return Jdbc.first(dataSource, "SELECT COUNT(*), " + sums.formatted("link_clicks") + " FROM "
                    + table("post_performance") + " WHERE published_on BETWEEN ? AND ?" + scope.where(),
                    row -> totals(row, start, end), period.from(), period.to()).orElse(Totals.EMPTY);
        }
        // Posts are counted where they are recorded (see RollupStore#published), the rest is the days' activity.
        return Jdbc.first(dataSource, "SELECT (SELECT COUNT(*) FROM " + table("post_performance")
                + " WHERE published_on BETWEEN ? AND ?" + scope.where() + "), " + sums.formatted("network_clicks")
                + " FROM " + table("daily_rollup") + " WHERE on_day BETWEEN ? AND ?" + scope.where(),
                row -> totals(row, start, end), period.from(), period.to(), period.from(), period.to())
                .orElse(Totals.EMPTY);
    }

    /** Activity per day over the period, every day present (zero-activity days too). */
    public List<DailyPoint> daily(Period period, Scope scope) {
        Map<LocalDate, Integer> posts = new HashMap<>();
        Jdbc.list(dataSource, "SELECT published_on, COUNT(*) FROM " + table("post_performance")
                + " WHERE published_on BETWEEN ? AND ?" + scope.where() + " GROUP BY published_on",
                row -> posts.put(row.getDate(1).toLocalDate(), row.getInt(2)), period.from(), period.to());
        Map<LocalDate, DailyPoint> found = new HashMap<>();
        Jdbc.list(dataSource, "SELECT on_day, SUM(impressions), SUM(engagements), SUM(clicks), SUM(conversions), "
                + "SUM(conversion_value_cents) FROM " + table("daily_rollup") + " WHERE on_day BETWEEN ? AND ?"
                + scope.where() + " GROUP BY on_day", row -> {
                    LocalDate day = row.getDate(1).toLocalDate();
                    return new DailyPoint(day, posts.getOrDefault(day, 0), Jdbc.longOrNull(row, 2),
                            Jdbc.longOrNull(row, 3), row.getLong(4), row.getLong(5), row.getLong(6));
                }, period.from(), period.to()).forEach(p -> found.put(p.day(), p));
        return period.from().datesUntil(period.to().plusDays(1)).map(d -> found.getOrDefault(d,
                new DailyPoint(d, posts.getOrDefault(d, 0), null, null, 0, 0, 0))).toList();
    }

    /**
     * The follower readings of the channels in scope from {@code since} to {@code to}. How far back to read is the
     * caller's choice: a channel whose last reading lies before {@code since} starts at its first reading after it.
     */
    public FollowerHistory followerHistory(LocalDate since, LocalDate to, Scope scope) {
        String channel = scope.channelId() == null ? "" : " AND channel_id = " + scope.channelId();
        Map<Long, TreeMap<LocalDate, Long>> byChannel = new HashMap<>();
        Jdbc.list(dataSource, "SELECT channel_id, on_day, followers FROM " + table("follower_count")
                + " WHERE on_day BETWEEN ? AND ?" + channel, row -> byChannel.computeIfAbsent(row.getLong(1),
                c -> new TreeMap<>()).put(row.getDate(2).toLocalDate(), row.getLong(3)), since, to);
        return new FollowerHistory(byChannel);
    }

    /** Each channel's activity over the period: channel id to {impressions, engagements}, null when not offered. */
    public Map<Long, Long[]> perChannel(Period period) {
        Map<Long, Long[]> found = new HashMap<>();
        Jdbc.list(dataSource, "SELECT channel_id, SUM(impressions), SUM(engagements) FROM " + table("daily_rollup")
                + " WHERE on_day BETWEEN ? AND ? AND channel_id <> 0 GROUP BY channel_id", row -> found.put(
                row.getLong(1), new Long[] {Jdbc.longOrNull(row, 2), Jdbc.longOrNull(row, 3)}),
                period.from(), period.to());
        return found;
    }

    /** Each campaign's lifetime: campaign id to {clicks, conversions, value cents, engagements (null if none)}. */
    public Map<Long, Long[]> perCampaign() {
        Map<Long, Long[]> found = new HashMap<>();
        Jdbc.list(dataSource, "SELECT campaign_id, SUM(clicks), SUM(conversions), SUM(conversion_value_cents), "
                + "SUM(engagements) FROM " + table("daily_rollup") + " WHERE campaign_id <> 0 GROUP BY campaign_id",
                row -> found.put(row.getLong(1), new Long[] {row.getLong(2), row.getLong(3), row.getLong(4),
                        Jdbc.longOrNull(row, 5)}));
        return found;
    }

    /** The posts published in the period with the most engagements. */
    public List<PostPerformance> top(Period period, Scope scope, int max) {
        return Jdbc.list(dataSource, "SELECT " + POST_COLUMNS + " FROM " + table("post_performance")
                + " WHERE published_on BETWEEN ? AND ?" + scope.where()
                + " ORDER BY COALESCE(engagements, -1) DESC, published_at DESC LIMIT ?",
                RollupQueries::performance, period.from(), period.to(), max);
    }

    /** A post's publications, one per channel. */
    public List<PostPerformance> ofPost(long postId) {
        return Jdbc.list(dataSource, "SELECT " + POST_COLUMNS + " FROM " + table("post_performance")
                + " WHERE post_id = ? ORDER BY channel_id", RollupQueries::performance, postId);
    }

    /** The raw readings of a publication, oldest first: {taken at (epoch ms), impressions, engagements}. */
    public List<Long[]> snapshots(long publicationId) {
        return Jdbc.list(dataSource, "SELECT taken_at, impressions, likes, shares, replies, quotes, saves, link_clicks "
                + "FROM " + table("metric_snapshot") + " WHERE publication_id = ? ORDER BY taken_at", row -> {
                    PostNumbers n = new PostNumbers(Jdbc.longOrNull(row, 2), null, Jdbc.longOrNull(row, 3),
                            Jdbc.longOrNull(row, 4), Jdbc.longOrNull(row, 5), Jdbc.longOrNull(row, 6),
                            Jdbc.longOrNull(row, 7), Jdbc.longOrNull(row, 8), null);
                    return new Long[] {row.getLong(1), n.impressions(), n.engagements()};
                }, publicationId);
    }

    /** A channel's measured posts (at least a day old), for the best time to post. */
    public List<BestTimes.Sample> samples(long channelId) {
        return Jdbc.list(dataSource, "SELECT hour_of_week, engagements FROM " + table("post_performance")
                + " WHERE channel_id = ? AND engagements IS NOT NULL AND checkpoints >= 3",
                row -> new BestTimes.Sample(row.getInt(1), row.getLong(2)), channelId);
    }

    /** Every channel's measured posts, in one read, for the best times of all channels at once. */
    public Map<Long, List<BestTimes.Sample>> samplesByChannel() {
        Map<Long, List<BestTimes.Sample>> found = new HashMap<>();
        Jdbc.list(dataSource, "SELECT channel_id, hour_of_week, engagements FROM " + table("post_performance")
                + " WHERE engagements IS NOT NULL AND checkpoints >= 3", row -> found.computeIfAbsent(row.getLong(1),
                c -> new java.util.ArrayList<>()).add(new BestTimes.Sample(row.getInt(2), row.getLong(3))));
        return found;
    }

    private static Totals totals(ResultSet row, Long followersStart, Long followersEnd) throws SQLException {
        return new Totals(row.getInt(1), Jdbc.longOrNull(row, 2), Jdbc.longOrNull(row, 3), Jdbc.longOrNull(row, 4),
                Jdbc.longOrNull(row, 5), row.getLong(6), row.getLong(7), row.getLong(8), followersStart,
                followersEnd);
    }

    private static PostPerformance performance(ResultSet row) throws SQLException {
        Long measured = Jdbc.longOrNull(row, "measured_at");
        PostNumbers numbers = new PostNumbers(Jdbc.longOrNull(row, "impressions"), Jdbc.longOrNull(row, "reach"),
                Jdbc.longOrNull(row, "likes"), Jdbc.longOrNull(row, "shares"), Jdbc.longOrNull(row, "replies"),
                Jdbc.longOrNull(row, "quotes"), Jdbc.longOrNull(row, "saves"), Jdbc.longOrNull(row, "link_clicks"),
                Jdbc.longOrNull(row, "video_views"));
        return new PostPerformance(row.getLong("publication_id"), row.getLong("post_id"), row.getLong("channel_id"),
                Jdbc.longOrNull(row, "campaign_id"), Instant.ofEpochMilli(row.getLong("published_at")),
                measured == null ? null : Instant.ofEpochMilli(measured), row.getInt("checkpoints"), numbers,
                row.getLong("clicks"), row.getLong("conversions"), row.getLong("conversion_value_cents"),
                row.getString("last_error"));
    }

    private String table(String name) {
        return context.table(name);
    }
}
