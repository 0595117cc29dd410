package app.herald.analytics.application;

import app.herald.analytics.domain.BestTimes;
import app.herald.analytics.domain.DailyPoint;
import app.herald.analytics.domain.FollowerHistory;
import app.herald.analytics.domain.Formulas;
import app.herald.analytics.domain.Period;
import app.herald.analytics.domain.PostPerformance;
import app.herald.analytics.infrastructure.RollupQueries;
import app.herald.content.application.Campaigns;
import app.herald.content.application.Channels;
import app.herald.content.application.Posts;
import app.herald.content.domain.Campaign;
import app.herald.content.domain.Channel;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantRef;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the current client's analytics for screens and reports. Everything comes from the rollups (never the raw
 * snapshots), in one transaction, in the client's time zone.
 */
@Stateless
public class Analytics {

    public static final int TOP_POSTS = 10;
    /** How far before the compared periods follower readings are read, to know each channel's count at their start. */
    static final int FOLLOWER_LOOKBACK_DAYS = 31;

    @Inject
    TenantContext context;
    @Inject
    RollupQueries rollups;
    @Inject
    Posts posts;
    @Inject
    Channels channels;
    @Inject
    Campaigns campaigns;
    @Inject
    AnalyticsQueue queue;
    @Inject
    BestTimesCache bestTimesCache;

    /**
     * A period's totals against the one before and its daily series, for a client's home: what the dashboard reads
     * without its rankings and per-campaign and per-channel figures.
     */
    public Trend trend(Period period) {
        FollowerHistory history = followers(period, RollupQueries.Scope.ALL);
        return new Trend(rollups.totals(period, RollupQueries.Scope.ALL, history),
                rollups.totals(period.previous(), RollupQueries.Scope.ALL, history),
                rollups.daily(period, RollupQueries.Scope.ALL), currencyOf(campaigns.all()));
    }

    /** The currency figures are shown in: the first campaign's (one currency per client), else euros. */
    private static String currencyOf(List<Campaign> campaigns) {
        return campaigns.stream().map(Campaign::getCurrency).findFirst().orElse("EUR");
    }

    public Dashboard dashboard(Period period, RollupQueries.Scope scope) {
        TenantRef tenant = context.current();
        Map<Long, Channel> channelsById = channels.all().stream()
                .collect(Collectors.toMap(Channel::getId, Function.identity()));
        List<Campaign> allCampaigns = campaigns.all();
        String currency = currencyOf(allCampaigns);
        List<DailyPoint> days = rollups.daily(period, scope);
        FollowerHistory history = followers(period, scope);
        SortedMap<LocalDate, Long> followers = history.series(period.from(), period.to());
        followers.headMap(period.from()).clear();
        return new Dashboard(tenant.name(), tenant.zone(), period, rollups.totals(period, scope, history),
                rollups.totals(period.previous(), scope, history), days, new TreeMap<>(followers),
                top(period, scope, channelsById), campaignResults(allCampaigns),
                channelResults(period, channelsById, history), currency);
    }

    /**
     * One read of the follower counts for a dashboard: both periods and a month before them, so that each channel's
     * count at the start of the earlier period is known.
     */
    private FollowerHistory followers(Period period, RollupQueries.Scope scope) {
        return rollups.followerHistory(period.previous().from().minusDays(FOLLOWER_LOOKBACK_DAYS), period.to(), scope);
    }

    /** The client's totals over a period, for the agency's portfolio. */
    public app.herald.analytics.domain.Totals totals(Period period) {
        return rollups.totals(period, RollupQueries.Scope.ALL, followers(period, RollupQueries.Scope.ALL));
    }

    /** A post's publications with their lifetime numbers. */
    public List<PostPerformance> ofPost(long postId) {
        return rollups.ofPost(postId);
    }

    /** A publication's readings over time: {taken at, impressions, engagements}. */
    public List<Long[]> curve(long publicationId) {
        return rollups.snapshots(publicationId);
    }

    /** When this channel's audience engages most, from its own history. */
    public BestTimes.Verdict bestTimes(long channelId) {
        return BestTimes.of(rollups.samples(channelId), 3);
    }

    /** The best times of every channel, from one read, kept a few minutes ({@link BestTimesCache}). */
    public Map<Long, BestTimes.Verdict> bestTimes() {
        return bestTimesCache.of(context.current().id(), () -> {
            Map<Long, BestTimes.Verdict> verdicts = new java.util.HashMap<>();
            rollups.samplesByChannel().forEach((channel, samples) -> verdicts.put(channel, BestTimes.of(samples, 3)));
            return verdicts;
        });
    }

    /** Why some numbers may be behind: the latest problems of this client's measurements. */
    public List<String> problems() {
        return queue.problems(context.current().id(), 5);
    }

    private List<Dashboard.TopPost> top(Period period, RollupQueries.Scope scope, Map<Long, Channel> channelsById) {
        List<PostPerformance> best = rollups.top(period, scope, TOP_POSTS);
        Map<Long, String> titles = posts.titles(best.stream().map(PostPerformance::postId).toList());
        List<Dashboard.TopPost> top = new ArrayList<>();
        for (PostPerformance p : best) {
            Channel channel = channelsById.get(p.channelId());
            top.add(new Dashboard.TopPost(p.postId(), titles.getOrDefault(p.postId(), ""),
                    channel == null ? "" : channel.getNetwork().label(), channel == null ? "" : channel.label(),
                    p.publishedAt().atZone(context.current().zone()), p.numbers().impressions(), p.engagements(),
                    p.engagementRate(), p.clicks(), p.conversions()));
        }
        return top;
    }

    private List<Dashboard.CampaignResult> campaignResults(List<Campaign> all) {
        Map<Long, Long[]> figures = rollups.perCampaign();
        return all.stream().sorted(Comparator.comparing(Campaign::getStartsOn).reversed()).map(c -> {
            Long[] f = figures.getOrDefault(c.getId(), new Long[] {0L, 0L, 0L, null});
            BigDecimal value = Formulas.money(f[2]);
            return new Dashboard.CampaignResult(c.getId(), c.getName(), c.getCurrency(), c.getBudget(), f[0], f[1],
                    value, f[3], Formulas.costPerEngagement(c.getBudget(), f[3]), Formulas.roi(value, c.getBudget()));
        }).toList();
    }

    private List<Dashboard.ChannelResult> channelResults(Period period, Map<Long, Channel> channelsById,
                                                         FollowerHistory history) {
        Map<Long, Long[]> activity = rollups.perChannel(period);
        List<Dashboard.ChannelResult> results = new ArrayList<>();
        for (Channel c : channelsById.values().stream().sorted(Comparator.comparing(Channel::label)).toList()) {
            Long[] ends = history.of(c.getId()).ends(period);
            Long[] a = activity.getOrDefault(c.getId(), new Long[] {null, null});
            results.add(new Dashboard.ChannelResult(c.getId(), c.label(), c.getNetwork().label(), ends[0], ends[1],
                    Formulas.followerGrowthRate(ends[0], ends[1]), a[0], a[1]));
        }
        return results;
    }
}
