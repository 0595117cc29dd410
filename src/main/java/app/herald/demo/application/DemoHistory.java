package app.herald.demo.application;

import app.herald.analytics.domain.AnalyticsWork;
import app.herald.analytics.domain.BestTimes;
import app.herald.analytics.domain.Cadence;
import app.herald.analytics.domain.PostNumbers;
import app.herald.analytics.application.AnalyticsQueue;
import app.herald.content.domain.Campaign;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.SandboxAudience;
import app.herald.publishing.domain.SandboxPost;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantRef;
import app.herald.tracking.domain.Links;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A year of history for a demo client, on its Sandbox channels: posts that went out, the readings Herald would have
 * taken of them (the Sandbox's own generated numbers at each checkpoint), follower counts, clicks on tracked links
 * and the conversions they led to, rolled up exactly as live measurements are. Written in batches of SQL because a
 * year is thousands of rows and a newcomer should not wait for the demo to start. Recent posts keep their next
 * checkpoints in the analytics queue, so the dashboards go on growing live.
 */
@Stateless
public class DemoHistory {

    private static final String[][] IDEAS = {
        {"Morning ritual", "How does your day start? Ours starts with {brand}."},
        {"Weekend plans", "Weekend plans? {brand} has you covered: https://example.com/weekend"},
        {"Meet the team", "Meet the people behind {brand} and what they love about their work."},
        {"New in store", "Just in at {brand}: see what's new https://example.com/new-in"},
        {"Customer love", "\"Best part of my week.\" Thank you for the kind words about {brand}!"},
        {"How it's made", "From start to finish: how {brand} makes it happen. https://example.com/how"},
        {"Quick tip", "A quick tip from the {brand} team for a better day."},
        {"Limited offer", "Only this week: 20% off at {brand}. https://example.com/offer"},
        {"Question of the day", "What would you like to see next from {brand}? Tell us below."},
        {"Thank you", "Thank you for being part of the {brand} community."}};
    private static final int[] HOURS = {8, 9, 12, 13, 17, 19, 20};
    private static final int DAYS = 365;

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Inject
    TenantContext context;
    @Inject
    AnalyticsQueue queue;

    /** Rollup sums for one day, channel and campaign. */
    private static final class Sums {
        long impressions;
        long reach;
        long engagements;
        long networkClicks;
        long clicks;
        long conversions;
        long valueCents;
    }

    private record Key(LocalDate day, long channelId, long campaignId) {
    }

    /** Writes the year before today for the current (demo) tenant's Sandbox channels. */
    public void fill(long authorId, String authorName, String brand, List<Campaign> campaigns) {
        TenantRef tenant = context.current();
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(tenant.zone());
        SplittableRandom random = new SplittableRandom(brand.hashCode());
        Map<Key, Sums> sums = new HashMap<>();
        try (Connection db = dataSource.getConnection()) {
            List<Long> channels = ids(db, "SELECT id FROM " + context.table("channel")
                    + " WHERE network = 'SANDBOX' ORDER BY id");
            followers(db, channels, today, tenant);
            for (int back = DAYS; back >= 1; back--) {
                if (random.nextInt(100) < 28) {
                    continue;
                }
                LocalDate day = today.minusDays(back);
                Instant at = app.herald.kernel.WallClock.at(day.atTime(LocalTime.of(HOURS[random.nextInt(
                        HOURS.length)], random.nextInt(4) * 15)), tenant.zone()).toInstant();
                String[] idea = IDEAS[random.nextInt(IDEAS.length)];
                Campaign campaign = campaigns.stream().filter(c -> !day.isBefore(c.getStartsOn())
                        && !day.isAfter(c.getEndsOn())).findFirst().orElse(null);
                String text = idea[1].replace("{brand}", brand);
                long postId = post(db, idea[0], text, authorId, authorName, at, campaign);
                for (long channel : channels) {
                    publish(db, postId, channel, text, at, campaign, now, random, sums, tenant);
                }
            }
            rollups(db, sums);
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the demo history failed: " + e.getMessage(), e);
        }
    }

    private long post(Connection db, String title, String text, long authorId, String authorName, Instant at,
                      Campaign campaign) throws SQLException {
        long created = at.minus(Duration.ofDays(3)).toEpochMilli();
        return insert(db, "INSERT INTO " + context.table("post") + " (title, base_text, author_id, author_name, "
                + "state, review_step, scheduled_at, created_at, updated_at, version, campaign_id) VALUES "
                + "(?, ?, ?, ?, 'APPROVED', 0, ?, ?, ?, 0, ?)", title, text, authorId, authorName, at.toEpochMilli(),
                created, created, campaign == null ? null : campaign.getId());
    }

    private void publish(Connection db, long postId, long channelId, String text, Instant at, Campaign campaign,
                         Instant now, SplittableRandom random, Map<Key, Sums> sums, TenantRef tenant)
            throws SQLException {
        insert(db, "INSERT INTO " + context.table("variant") + " (post_id, channel_id, text) VALUES (?, ?, ?)",
                postId, channelId, text);
        String key = UUID.randomUUID().toString();
        long sandboxId = insert(db, "INSERT INTO " + context.table("sandbox_post") + " (channel_id, idempotency_key, "
                + "text, media_count, posted_at) VALUES (?, ?, ?, 0, ?)", channelId, key, text, at.toEpochMilli());
        long publicationId = insert(db, "INSERT INTO " + context.table("publication") + " (post_id, channel_id, "
                + "due_at, state, attempts, idempotency_key, network_post_id, network_url, published_at, updated_at) "
                + "VALUES (?, ?, ?, 'PUBLISHED', 1, ?, ?, ?, ?, ?)", postId, channelId, at.toEpochMilli(), key,
                String.valueOf(sandboxId), "/client/sandbox.xhtml?client=" + tenant.id() + "&channel=" + channelId
                        + "#post-" + sandboxId, at.toEpochMilli(), at.toEpochMilli());
        long campaignKey = campaign == null ? 0 : campaign.getId();
        ZonedDateTime local = at.atZone(tenant.zone());
        SandboxPost generated = new SandboxPost(channelId, key, text, 0, null, at);
        PostNumbers before = PostNumbers.NONE;
        int taken = 0;
        for (int step = 0; step < Cadence.CHECKPOINTS.size(); step++) {
            Instant when = Cadence.due(step, at).orElseThrow();
            if (when.isAfter(now)) {
                queue.plan(tenant.id(), AnalyticsWork.POST, publicationId, step, when);
                break;
            }
            PostNumbers reading = PostNumbers.of(new MetricReading(when, generated.engagementAt(when)));
            snapshot(db, publicationId, step, when, reading);
            Sums day = add(sums, when.atZone(tenant.zone()).toLocalDate(), channelId, campaignKey);
            day.impressions += reading.impressions() - zero(before.impressions());
            day.reach += reading.reach() - zero(before.reach());
            day.engagements += reading.engagements() - zero(before.engagements());
            day.networkClicks += reading.linkClicks() - zero(before.linkClicks());
            before = reading;
            taken++;
        }
        long[] tracked = Links.in(text).isEmpty() ? new long[] {0, 0, 0}
                : clicks(db, publicationId, postId, channelId, campaign, text, at, now, before, random, sums, tenant);
        insert(db, "INSERT INTO " + context.table("post_performance") + " (publication_id, post_id, channel_id, "
                + "campaign_id, published_at, published_on, hour_of_week, measured_at, checkpoints, impressions, reach, "
                + "likes, shares, replies, quotes, saves, link_clicks, video_views, engagements, clicks, conversions, "
                + "conversion_value_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                publicationId, postId, channelId, campaign == null ? null : campaign.getId(), at.toEpochMilli(),
                local.toLocalDate(), BestTimes.hourOfWeek(local.getDayOfWeek(), local.getHour()),
                taken == 0 ? null : now.toEpochMilli(), taken, before.impressions(), before.reach(), before.likes(),
                before.shares(), before.replies(), before.quotes(), before.saves(), before.linkClicks(),
                before.videoViews(), before.engagements(), tracked[0], tracked[1], tracked[2]);
    }

    /** Clicks on the post's tracked link over its first days, a few of them converting; answers the totals. */
    private long[] clicks(Connection db, long publicationId, long postId, long channelId, Campaign campaign,
                          String text, Instant at, Instant now, PostNumbers numbers, SplittableRandom random,
                          Map<Key, Sums> sums, TenantRef tenant) throws SQLException {
        String url = Links.in(text).iterator().next();
        String code = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        try (PreparedStatement route = db.prepareStatement("INSERT INTO link_route (code, tenant_id, created_at) "
                + "VALUES (?, ?, ?)")) {
            bind(route, code, tenant.id(), at.toEpochMilli());
            route.executeUpdate();
        }
        long linkId = insert(db, "INSERT INTO " + context.table("tracked_link") + " (code, publication_id, post_id, "
                + "channel_id, campaign_id, original_url, target_url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", code,
                publicationId, postId, channelId, campaign == null ? null : campaign.getId(), url,
                Links.tagged(url, "SANDBOX", campaign == null ? null : campaign.getUtmCampaign(), postId),
                at.toEpochMilli());
        long count = Math.round(zero(numbers.linkClicks()) * 0.7);
        long conversions = 0;
        long value = 0;
        long campaignKey = campaign == null ? 0 : campaign.getId();
        for (long i = 0; i < count; i++) {
            Instant clicked = at.plus(Duration.ofMinutes((long) (Math.pow(random.nextDouble(), 3) * 3 * 24 * 60)));
            if (clicked.isAfter(now)) {
                continue;
            }
            String token = UUID.randomUUID().toString().replace("-", "");
            long clickId = insert(db, "INSERT INTO " + context.table("link_click") + " (link_id, token, visitor, "
                    + "clicked_at) VALUES (?, ?, ?, ?)", linkId, token, "demo-" + token, clicked.toEpochMilli());
            LocalDate day = clicked.atZone(tenant.zone()).toLocalDate();
            add(sums, day, channelId, campaignKey).clicks++;
            if (random.nextInt(100) < 6) {
                long cents = (15 + random.nextInt(76)) * 100L + random.nextInt(100);
                Instant converted = clicked.plus(Duration.ofMinutes(5 + random.nextInt(600)));
                insert(db, "INSERT INTO " + context.table("conversion") + " (external_id, click_id, link_id, "
                        + "publication_id, post_id, channel_id, campaign_id, occurred_at, value_cents, currency, "
                        + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "demo-order-" + token, clickId, linkId,
                        publicationId, postId, channelId, campaign == null ? null : campaign.getId(),
                        converted.toEpochMilli(), cents, campaign != null ? campaign.getCurrency()
                                : tenant.zone().getId().startsWith("America") ? "USD" : "EUR",
                        converted.toEpochMilli());
                Sums converting = add(sums, converted.atZone(tenant.zone()).toLocalDate(), channelId, campaignKey);
                converting.conversions++;
                converting.valueCents += cents;
                conversions++;
                value += cents;
            }
        }
        return new long[] {count, conversions, value};
    }

    private void followers(Connection db, List<Long> channels, LocalDate today, TenantRef tenant) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + context.table("follower_count")
                + " (channel_id, on_day, followers, taken_at) VALUES (?, ?, ?, ?)")) {
            for (long channel : channels) {
                for (int back = DAYS; back >= 1; back--) {
                    Instant at = app.herald.kernel.WallClock.at(today.minusDays(back).atTime(6, 0), tenant.zone())
                            .toInstant();
                    bind(insert, channel, today.minusDays(back), SandboxAudience.followersAt(channel, at),
                            at.toEpochMilli());
                    insert.addBatch();
                }
                queue.planOnce(tenant.id(), AnalyticsWork.CHANNEL, channel, Instant.now().plusSeconds(30));
            }
            insert.executeBatch();
        }
    }

    private void snapshot(Connection db, long publicationId, int step, Instant when, PostNumbers n)
            throws SQLException {
        insert(db, "INSERT INTO " + context.table("metric_snapshot") + " (publication_id, checkpoint, taken_at, "
                + "impressions, reach, likes, shares, replies, quotes, saves, link_clicks, video_views) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", publicationId, step, when.toEpochMilli(), n.impressions(),
                n.reach(), n.likes(), n.shares(), n.replies(), n.quotes(), n.saves(), n.linkClicks(), n.videoViews());
    }

    private void rollups(Connection db, Map<Key, Sums> sums) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + context.table("daily_rollup")
                + " (on_day, channel_id, campaign_id, impressions, reach, engagements, network_clicks, clicks, "
                + "conversions, conversion_value_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Key, Sums> e : sums.entrySet()) {
                Sums s = e.getValue();
                bind(insert, e.getKey().day(), e.getKey().channelId(), e.getKey().campaignId(), s.impressions,
                        s.reach, s.engagements, s.networkClicks, s.clicks, s.conversions, s.valueCents);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Sums add(Map<Key, Sums> sums, LocalDate day, long channelId, long campaignId) {
        return sums.computeIfAbsent(new Key(day, channelId, campaignId), k -> new Sums());
    }

    private static long zero(Long value) {
        return value == null ? 0 : value;
    }

    private static List<Long> ids(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            List<Long> ids = new java.util.ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        }
    }

    private static long insert(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        app.herald.kernel.sql.Jdbc.bind(statement, parameters);
    }
}
