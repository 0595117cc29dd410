package app.herald.publishing.domain;

import app.herald.content.domain.Network;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What Herald needs from a social network. One implementation per network, found through CDI: adding a network is
 * one class (and its contract test). Implementations never throw for what the network answers; they translate every
 * answer, timeout and refusal into a {@link PublishResult} or {@link LookupResult} a person can act on.
 */
public interface NetworkConnector {

    Network network();

    /** Problems with an outgoing post that this network would refuse, in words for the author; empty when fine. */
    List<String> validate(Outgoing post);

    /** Puts the post on the network. Called outside any database transaction. */
    PublishResult publish(ChannelAccess channel, Outgoing post);

    /**
     * As {@link #publish}, answering when the network has. A connector whose publishing is one request sends it
     * without a thread waiting for the answer; by default {@link #publish} runs at once on the calling thread, for
     * connectors that need several calls in a row (sign in, upload, then post).
     */
    default CompletableFuture<PublishResult> publishLater(ChannelAccess channel, Outgoing post) {
        return CompletableFuture.completedFuture(publish(channel, post));
    }

    /**
     * Asks the network whether an earlier attempt, whose answer was lost, created the post. Called before any retry of
     * an unconfirmed publication: a connector that cannot tell answers {@link LookupResult.Unknown}.
     */
    LookupResult lookup(ChannelAccess channel, Outgoing post);

    /**
     * Whether the network itself recognises a resent publication by its idempotency key (and answers with the post it
     * already made), so that a resend after a lost answer cannot double the post.
     */
    default boolean honoursIdempotencyKey() {
        return false;
    }

    /**
     * Whether the network lives inside Herald, in the client's own schema (the Sandbox), so that publishing to it
     * needs the client entered; a network elsewhere is called with the channel's access alone.
     */
    default boolean livesInTheClient() {
        return false;
    }

    /**
     * Asks the network who the channel's credentials sign in as (Mastodon's verify_credentials, Bluesky's session,
     * X's users/me, the Graph API's page or user, LinkedIn's organization or userinfo; a webhook receiver answers a
     * signed test delivery). Called outside any database transaction, before a connection is stored.
     */
    AccountCheck whoAmI(ChannelAccess channel);

    /** Reads the numbers the network offers for one published post; what it does not offer is absent, never zero. */
    MetricReading fetchMetrics(ChannelAccess channel, String networkPostId);

    /**
     * Reads the channel's own numbers (its follower count as Metric.FOLLOWERS); what the network does not offer is
     * absent. Throws IllegalStateException (via Calls.metricsUnavailable) when the network cannot be read, like
     * fetchMetrics.
     */
    MetricReading fetchChannelMetrics(ChannelAccess channel);
}
