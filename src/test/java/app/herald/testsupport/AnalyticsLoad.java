package app.herald.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Seeds one tenant with a year of analytics history straight in SQL, for the analytics benchmark: channels, published
 * posts with their seven readings, per-post lifetime numbers, daily rollups (as the live collector would have written
 * them), daily follower counts and campaigns with clicks and conversions. Numbers follow a deterministic curve.
 */
public final class AnalyticsLoad {

    private static final Duration[] CHECKPOINTS = {Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24),
        Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30)};
    private static final int BATCH = 2_000;

    private AnalyticsLoad() {
    }

    /** What was seeded: how many rows of each kind. */
    public record Seeded(int channels, int posts, int snapshots, int rollupRows, int campaigns) {
    }

    public static Seeded year(DataSource dataSource, String schema, ZoneId zone, int channels, int posts)
            throws SQLException {
        Instant now = Instant.now();
        Instant start = now.minus(Duration.ofDays(365));
        Map<String, long[]> rollups = new HashMap<>();
        int snapshots = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Long> channelIds = new java.util.ArrayList<>();
            try (PreparedStatement channel = c.prepareStatement("INSERT INTO " + schema + ".channel (network, handle, "
                    + "display_name, active, created_at, connected_at) VALUES ('SANDBOX', ?, ?, TRUE, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < channels; i++) {
                    channel.setString(1, "@bench-" + i);
                    channel.setString(2, "Bench channel " + i);
                    channel.setLong(3, start.toEpochMilli());
                    channel.setLong(4, start.toEpochMilli());
                    channel.executeUpdate();
                    try (var keys = channel.getGeneratedKeys()) {
                        keys.next();
                        channelIds.add(keys.getLong(1));
                    }
                }
            }
            LocalDate firstDay = start.atZone(zone).toLocalDate();
            try (PreparedStatement campaign = c.prepareStatement("INSERT INTO " + schema + ".campaign (id, name, "
                    + "starts_on, ends_on, goal, budget_cents, currency, utm_campaign, colour, created_at) VALUES "
                    + "(?, ?, ?, ?, 'Benchmark', 500000, 'EUR', ?, '#7c3aed', ?)")) {
                for (int q = 0; q < 4; q++) {
                    campaign.setLong(1, 1000 + q);
                    campaign.setString(2, "Quarter " + (q + 1));
                    campaign.setObject(3, java.sql.Date.valueOf(firstDay.plusDays(q * 91L)));
                    campaign.setObject(4, java.sql.Date.valueOf(firstDay.plusDays(q * 91L + 90)));
                    campaign.setString(5, "quarter-" + (q + 1));
                    campaign.setLong(6, start.toEpochMilli());
                    campaign.executeUpdate();
                }
            }
            try (PreparedStatement post = c.prepareStatement("INSERT INTO " + schema + ".post (id, title, base_text, "
                    + "author_id, author_name, state, review_step, scheduled_at, created_at, updated_at, version, "
                    + "campaign_id) VALUES (?, ?, ?, 1, 'Bench', 'APPROVED', 0, ?, ?, ?, 0, ?)");
                 PreparedStatement publication = c.prepareStatement("INSERT INTO " + schema + ".publication (id, "
                         + "post_id, channel_id, due_at, state, attempts, idempotency_key, network_post_id, "
                         + "published_at, updated_at) VALUES (?, ?, ?, ?, 'PUBLISHED', 1, ?, ?, ?, ?)");
                 PreparedStatement snapshot = c.prepareStatement("INSERT INTO " + schema + ".metric_snapshot "
                         + "(publication_id, checkpoint, taken_at, impressions, reach, likes, shares, replies) VALUES "
                         + "(?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement performance = c.prepareStatement("INSERT INTO " + schema + ".post_performance "
                         + "(publication_id, post_id, channel_id, campaign_id, published_at, published_on, "
                         + "hour_of_week, measured_at, checkpoints, impressions, reach, likes, shares, replies, "
                         + "engagements, clicks, conversions, conversion_value_cents) VALUES "
                         + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < posts; i++) {
                    long id = i + 1;
                    Instant at = start.plusMillis(Duration.ofDays(365).toMillis() * i / posts);
                    ZonedDateTime local = at.atZone(zone);
                    long channelId = channelIds.get(i % channelIds.size());
                    long quarter = Math.min(3, java.time.temporal.ChronoUnit.DAYS.between(firstDay, local.toLocalDate())
                            / 91);
                    Long campaignId = i % 3 == 0 ? 1000 + quarter : null;
                    bind(post, id, "Benchmark post " + id, "Benchmark post " + id + " https://example.com/" + id,
                            at.toEpochMilli(), at.toEpochMilli(), at.toEpochMilli(), campaignId);
                    post.addBatch();
                    bind(publication, id, id, channelId, at.toEpochMilli(), "bench-" + id, String.valueOf(id),
                            at.toEpochMilli(), at.toEpochMilli());
                    publication.addBatch();
                    long campaignKey = campaignId == null ? 0 : campaignId;
                    long total = 400 + (id * 7919) % 3_000;
                    long[] before = new long[5];
                    long[] last = new long[5];
                    int taken = 0;
                    for (int step = 0; step < CHECKPOINTS.length; step++) {
                        Instant when = at.plus(CHECKPOINTS[step]);
                        if (when.isAfter(now)) {
                            break;
                        }
                        double grown = 1 - Math.exp(-CHECKPOINTS[step].toMinutes() / 600.0);
                        long impressions = Math.round(total * grown);
                        last = new long[] {impressions, Math.round(impressions * 0.7), Math.round(impressions * 0.04),
                            Math.round(impressions * 0.006), Math.round(impressions * 0.004)};
                        bind(snapshot, id, step, when.toEpochMilli(), last[0], last[1], last[2], last[3], last[4]);
                        snapshot.addBatch();
                        snapshots++;
                        LocalDate day = when.atZone(zone).toLocalDate();
                        add(rollups, day, channelId, campaignKey, 0, last[0] - before[0]);
                        add(rollups, day, channelId, campaignKey, 1, last[1] - before[1]);
                        add(rollups, day, channelId, campaignKey, 2,
                                last[2] + last[3] + last[4] - before[2] - before[3] - before[4]);
                        before = last;
                        taken++;
                    }
                    long clicks = last[0] / 100;
                    long conversions = clicks / 30;
                    add(rollups, local.toLocalDate(), channelId, campaignKey, 3, clicks);
                    add(rollups, local.toLocalDate(), channelId, campaignKey, 4, conversions);
                    add(rollups, local.toLocalDate(), channelId, campaignKey, 5, conversions * 4_000);
                    bind(performance, id, id, channelId, campaignId, at.toEpochMilli(), local.toLocalDate(),
                            (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour(), now.toEpochMilli(), taken,
                            last[0], last[1], last[2], last[3], last[4], last[2] + last[3] + last[4], clicks,
                            conversions, conversions * 4_000);
                    performance.addBatch();
                    if (i % BATCH == BATCH - 1) {
                        post.executeBatch();
                        publication.executeBatch();
                        snapshot.executeBatch();
                        performance.executeBatch();
                    }
                }
                post.executeBatch();
                publication.executeBatch();
                snapshot.executeBatch();
                performance.executeBatch();
            }
            try (PreparedStatement rollup = c.prepareStatement("INSERT INTO " + schema + ".daily_rollup (on_day, "
                    + "channel_id, campaign_id, impressions, reach, engagements, clicks, conversions, conversion_value_cents) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, long[]> e : rollups.entrySet()) {
                    String[] key = e.getKey().split("/");
                    long[] v = e.getValue();
                    bind(rollup, LocalDate.parse(key[0]), Long.parseLong(key[1]), Long.parseLong(key[2]), v[0], v[1],
                            v[2], v[3], v[4], v[5]);
                    rollup.addBatch();
                }
                rollup.executeBatch();
            }
            try (PreparedStatement followers = c.prepareStatement("INSERT INTO " + schema + ".follower_count "
                    + "(channel_id, on_day, followers, taken_at) VALUES (?, ?, ?, ?)")) {
                for (long channelId : channelIds) {
                    for (int d = 0; d <= 365; d++) {
                        bind(followers, channelId, firstDay.plusDays(d), 2_000 + channelId * 10 + d * 15L,
                                start.plusSeconds(d * 86_400L).toEpochMilli());
                        followers.addBatch();
                    }
                }
                followers.executeBatch();
            }
            c.commit();
            return new Seeded(channels, posts, snapshots, rollups.size(), 4);
        }
    }

    /** Adds to a rollup column: 0 posts, 1 impressions, 2 reach, 3 engagements, 4 clicks, 5 conversions, 6 value. */
    private static void add(Map<String, long[]> rollups, LocalDate day, long channel, long campaign, int column,
                            long amount) {
        rollups.computeIfAbsent(day + "/" + channel + "/" + campaign, k -> new long[6])[column] += amount;
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                statement.setNull(i + 1, java.sql.Types.BIGINT);
            } else if (v instanceof LocalDate d) {
                statement.setObject(i + 1, java.sql.Date.valueOf(d));
            } else {
                statement.setObject(i + 1, v);
            }
        }
    }
}
