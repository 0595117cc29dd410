package app.herald.analytics.web;

import app.herald.analytics.application.Analytics;
import app.herald.analytics.application.Dashboard;
import app.herald.analytics.domain.Basis;
import app.herald.analytics.domain.BestTimes;
import app.herald.analytics.domain.DailyPoint;
import app.herald.analytics.domain.FigureText;
import app.herald.analytics.domain.Headline;
import app.herald.analytics.domain.Period;
import app.herald.analytics.infrastructure.RollupQueries;
import app.herald.content.application.Campaigns;
import app.herald.content.application.Channels;
import app.herald.content.domain.Campaign;
import app.herald.content.domain.Channel;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Charts;
import app.herald.kernel.web.Feedback;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client's analytics (/client/analytics.xhtml?client=ID): the headline figures against the previous period, charts
 * of followers, engagement and campaign results, the best posts, and when each channel's audience is most engaged.
 * The period, how it is read, and a channel or campaign filter are chosen on the page.
 */
@Named
@ViewScoped
public class ExploreAnalytics implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    @Inject
    ClientAccess access;
    @Inject
    Analytics analytics;
    @Inject
    Channels channels;
    @Inject
    Campaigns campaigns;

    private String preset = "30";
    private LocalDate from;
    private LocalDate to;
    private Basis basis = Basis.ACTIVITY;
    private Long channelId;
    private Long campaignId;
    private transient Dashboard dashboard;
    private transient List<ChannelBestTimes> bestTimes;
    private transient List<String> problems;
    private List<Channel> channelList = List.of();
    private List<Campaign> campaignList = List.of();

    /** One channel's best hours, or why there are none yet. */
    public record ChannelBestTimes(String channel, BestTimes.Verdict verdict) {
        public String getChannel() {
            return channel;
        }

        public BestTimes.Verdict getVerdict() {
            return verdict;
        }
    }

    public void open() {
        if (access.open()) {
            // Kept in the view: a postback's validation reads the filter choices before its action enters the client.
            channelList = channels.all();
            campaignList = campaigns.all();
            applyPreset();
            load();
        }
    }

    /** The preset changed: the dates follow it (except for "custom"). */
    public void presetChanged() {
        access.enter();
        applyPreset();
        load();
    }

    public void apply() {
        access.enter();
        preset = "custom";
        load();
    }

    private void applyPreset() {
        if (!"custom".equals(preset)) {
            int days = Integer.parseInt(preset);
            to = LocalDate.now(access.getClient().zone());
            from = to.minusDays(days - 1L);
        }
    }

    private void load() {
        try {
            dashboard = analytics.dashboard(new Period(from, to, basis), new RollupQueries.Scope(channelId, campaignId));
        } catch (RuleViolation e) {
            Feedback.error(e.getMessage());
            dashboard = analytics.dashboard(Period.lastDays(30, LocalDate.now(access.getClient().zone()), basis),
                    RollupQueries.Scope.ALL);
        }
        problems = analytics.problems();
        bestTimes = null;
    }

    private Dashboard dashboard() {
        if (dashboard == null) {
            access.enter();
            load();
        }
        return dashboard;
    }

    public List<KpiCard> getCards() {
        Dashboard d = dashboard();
        return Headline.of(d.current(), d.previous()).stream().map(f -> KpiCard.of(f, d.currency())).toList();
    }

    public String getFollowersChart() {
        Dashboard d = dashboard();
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        d.followers().forEach((day, count) -> {
            labels.add(DAY.format(day));
            values.add(count);
        });
        return Charts.line(labels, new Charts.Series("Followers", values, Charts.BLUE, null));
    }

    public String getEngagementChart() {
        List<Buckets.Bucket> buckets = Buckets.of(dashboard().days());
        return Charts.barWithLine(buckets.stream().map(Buckets.Bucket::label).toList(),
                new Charts.Series("Engagements", buckets.stream().map(Buckets.Bucket::engagements).toList(),
                        Charts.GREEN, null),
                new Charts.Series("Impressions", buckets.stream().map(Buckets.Bucket::impressions).toList(),
                        Charts.BLUE, "line"));
    }

    public String getClicksChart() {
        List<Buckets.Bucket> buckets = Buckets.of(dashboard().days());
        return Charts.bar(buckets.stream().map(Buckets.Bucket::label).toList(),
                new Charts.Series("Link clicks", buckets.stream().map(b -> (Long) b.clicks()).toList(), Charts.AMBER,
                        null),
                new Charts.Series("Conversions", buckets.stream().map(b -> (Long) b.conversions()).toList(),
                        Charts.VIOLET, null));
    }

    public String getCampaignChart() {
        List<Dashboard.CampaignResult> results = dashboard().campaigns();
        return Charts.bar(results.stream().map(Dashboard.CampaignResult::name).toList(),
                new Charts.Series("Link clicks", results.stream().map(r -> (Long) r.clicks()).toList(), Charts.AMBER,
                        null),
                new Charts.Series("Conversions", results.stream().map(r -> (Long) r.conversions()).toList(),
                        Charts.VIOLET, null));
    }

    /** The engagement and clicks charts' figures, as their text alternative (by week over a quarter, as drawn). */
    public List<Map<String, String>> getPeriodRows() {
        return Buckets.of(dashboard().days()).stream().map(b -> Map.of("label", b.label(),
                "impressions", FigureText.count(b.impressions()), "engagements", FigureText.count(b.engagements()),
                "clicks", FigureText.count(b.clicks()), "conversions", FigureText.count(b.conversions()))).toList();
    }

    /** The followers chart's figures, as its text alternative. */
    public List<Map<String, String>> getFollowerRows() {
        List<Map<String, String>> rows = new ArrayList<>();
        dashboard().followers().forEach((day, count) -> rows.add(Map.of("day", DAY.format(day),
                "followers", FigureText.count(count))));
        return rows;
    }

    public List<Map<String, String>> getTopPosts() {
        return dashboard().topPosts().stream().map(p -> Map.of("postId", String.valueOf(p.postId()),
                "title", p.title(), "channel", p.channel() + " · " + p.network(),
                "published", WHEN.format(p.publishedAt()), "impressions", FigureText.count(p.impressions()),
                "engagements", FigureText.count(p.engagements()), "rate", FigureText.percent(p.engagementRate()),
                "clicks", FigureText.count(p.clicks()), "conversions", FigureText.count(p.conversions()))).toList();
    }

    public List<Map<String, String>> getCampaignResults() {
        return dashboard().campaigns().stream().map(c -> Map.of("name", c.name(),
                "cost", FigureText.money(c.cost(), c.currency()), "clicks", FigureText.count(c.clicks()),
                "conversions", FigureText.count(c.conversions()),
                "value", FigureText.money(c.conversionValue(), c.currency()),
                "cpe", FigureText.money(c.costPerEngagement(), c.currency()),
                "roi", c.roi() == null ? "—" : FigureText.percent(c.roi()))).toList();
    }

    public List<Map<String, String>> getChannelResults() {
        return dashboard().channels().stream().map(c -> Map.of("name", c.name() + " · " + c.network(),
                "followers", FigureText.count(c.followersAtEnd()), "growth", FigureText.percent(c.followerGrowthRate()),
                "impressions", FigureText.count(c.impressions()), "engagements", FigureText.count(c.engagements())))
                .toList();
    }

    public List<ChannelBestTimes> getBestTimes() {
        if (bestTimes == null) {
            access.enter();
            Map<Long, BestTimes.Verdict> verdicts = analytics.bestTimes();
            bestTimes = channelList.stream().filter(Channel::isActive).map(c -> new ChannelBestTimes(c.label(),
                    verdicts.getOrDefault(c.getId(), BestTimes.of(List.of(), 3)))).toList();
        }
        return bestTimes;
    }

    public List<String> getProblems() {
        dashboard();
        return problems;
    }

    public List<Channel> getChannels() {
        return channelList;
    }

    public List<Campaign> getCampaigns() {
        return campaignList;
    }

    public Basis[] getBases() {
        return Basis.values();
    }

    public String getPeriodLabel() {
        Period p = dashboard().period();
        return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(p.from()) + " – "
                + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(p.to()) + " · "
                + p.basis().label() + " · compared with the " + p.days() + " days before";
    }

    public ClientAccess getAccess() {
        return access;
    }

    public String getPreset() {
        return preset;
    }

    public void setPreset(String preset) {
        this.preset = List.of("7", "30", "90", "365", "custom").contains(preset) ? preset : "30";
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Basis getBasis() {
        return basis;
    }

    public void setBasis(Basis basis) {
        this.basis = basis;
    }

    public Long getChannelId() {
        return channelId;
    }

    public void setChannelId(Long channelId) {
        this.channelId = channelId;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    /** Days over a quarter are shown by week, so that bars stay readable. */
    static final class Buckets {

        record Bucket(String label, Long impressions, Long engagements, long clicks, long conversions) {
        }

        static List<Bucket> of(List<DailyPoint> days) {
            int size = days.size() > 92 ? 7 : 1;
            List<Bucket> buckets = new ArrayList<>();
            for (int i = 0; i < days.size(); i += size) {
                List<DailyPoint> slice = days.subList(i, Math.min(days.size(), i + size));
                buckets.add(new Bucket(DAY.format(slice.get(0).day()), sum(slice, DailyPoint::impressions),
                        sum(slice, DailyPoint::engagements), slice.stream().mapToLong(DailyPoint::clicks).sum(),
                        slice.stream().mapToLong(DailyPoint::conversions).sum()));
            }
            return buckets;
        }

        private static Long sum(List<DailyPoint> slice, java.util.function.Function<DailyPoint, Long> value) {
            return slice.stream().map(value).filter(java.util.Objects::nonNull).reduce(Long::sum).orElse(null);
        }
    }
}
