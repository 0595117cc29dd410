package app.herald.publishing.infrastructure;

import app.herald.content.domain.Network;
import app.herald.publishing.application.SandboxFeed;
import app.herald.publishing.domain.AccountCheck;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.LookupResult;
import app.herald.publishing.domain.Metric;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.NetworkConnector;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.domain.ReplyTarget;
import app.herald.publishing.domain.SandboxAudience;
import app.herald.publishing.domain.SandboxPost;
import app.herald.tenancy.application.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Sandbox network lives inside Herald: publishing stores the post in the tenant's demo feed, which the feed
 * screen shows, and its metrics are generated. It honours the idempotency key like a real network would.
 */
@ApplicationScoped
public class SandboxConnector implements NetworkConnector {

    @Inject
    SandboxFeed feed;
    @Inject
    TenantContext context;

    @Override
    public Network network() {
        return Network.SANDBOX;
    }

    @Override
    public List<String> validate(Outgoing post) {
        return post.text().isBlank() && post.media().isEmpty() ? List.of("The Sandbox needs text or media.") : List.of();
    }

    @Override
    public PublishResult publish(ChannelAccess channel, Outgoing post) {
        if (post.answers().isPresent() && !feed.answerable(channel.channelId(), post.answers().get().parentId())) {
            return new PublishResult.Rejected("The Sandbox no longer has what this answers.");
        }
        SandboxPost stored = feed.post(channel.channelId(), post.idempotencyKey(), post.text(), post.media().size(),
                post.answers().map(ReplyTarget::parentId).orElse(null));
        return published(stored);
    }

    @Override
    public LookupResult lookup(ChannelAccess channel, Outgoing post) {
        return feed.find(post.idempotencyKey()).<LookupResult>map(p -> new LookupResult.Found(published(p)))
                .orElseGet(LookupResult.Absent::new);
    }

    @Override
    public boolean honoursIdempotencyKey() {
        return true;
    }

    @Override
    public boolean livesInTheClient() {
        return true;
    }

    @Override
    public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
        Instant now = Instant.now();
        return feed.find(Long.parseLong(networkPostId)).map(p -> new MetricReading(now, p.engagementAt(now)))
                .orElseGet(() -> new MetricReading(now, Map.of()));
    }

    /** The Sandbox lives inside Herald: its account is the channel's handle. */
    @Override
    public AccountCheck whoAmI(ChannelAccess channel) {
        return new AccountCheck.Confirmed(channel.account());
    }

    @Override
    public MetricReading fetchChannelMetrics(ChannelAccess channel) {
        Instant now = Instant.now();
        return new MetricReading(now, Map.of(Metric.FOLLOWERS, SandboxAudience.followersAt(channel.channelId(), now)));
    }

    private PublishResult.Published published(SandboxPost post) {
        // A path inside Herald, not an absolute address: the publisher works outside any request, and Herald may be
        // reached under several names; screens prefix their own context path.
        return new PublishResult.Published(String.valueOf(post.getId()), "/client/sandbox.xhtml?client="
                + context.current().id() + "&channel=" + post.getChannelId() + "#post-" + post.getId());
    }
}
