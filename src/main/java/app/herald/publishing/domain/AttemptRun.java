package app.herald.publishing.domain;

import java.util.concurrent.CompletableFuture;

/**
 * One attempt against a network, deciding what to ask it: a delivery that may have reached the network before is
 * looked up first. Found: it is published, nothing is sent. Absent: it is sent. Unknown: it is sent again only when
 * the network keeps one post per idempotency key; otherwise it stays unconfirmed. Never a blind retry.
 */
public final class AttemptRun {

    private AttemptRun() {
    }

    public static PublishResult run(NetworkConnector connector, ChannelAccess channel, Outgoing post,
                                    Delivery.Attempt attempt) {
        PublishResult result = once(connector, channel, post, attempt);
        if (resentOnBrokenConnection(result, connector)) {
            // A server closing a kept-alive connection just as Herald sends on it must not delay the post by a whole
            // backoff: where the network keeps one post per key, sending again at once (on a fresh connection)
            // cannot double it. Elsewhere the lookup after the backoff decides.
            return connector.publish(channel, post);
        }
        return result;
    }

    /**
     * As {@link #run}, answering when the network has: a first attempt is sent without a thread waiting for the
     * answer where the connector can; a lookup first, which is rare, runs at once on the calling thread.
     */
    public static CompletableFuture<PublishResult> start(NetworkConnector connector, ChannelAccess channel,
                                                         Outgoing post, Delivery.Attempt attempt) {
        if (attempt == Delivery.Attempt.LOOKUP_FIRST) {
            return CompletableFuture.completedFuture(run(connector, channel, post, attempt));
        }
        return connector.publishLater(channel, post).thenCompose(result -> resentOnBrokenConnection(result, connector)
                ? connector.publishLater(channel, post) : CompletableFuture.completedFuture(result));
    }

    private static boolean resentOnBrokenConnection(PublishResult result, NetworkConnector connector) {
        return result instanceof PublishResult.Unconfirmed unconfirmed && unconfirmed.brokenConnection()
                && connector.honoursIdempotencyKey();
    }

    private static PublishResult once(NetworkConnector connector, ChannelAccess channel, Outgoing post,
                                      Delivery.Attempt attempt) {
        if (attempt == Delivery.Attempt.LOOKUP_FIRST) {
            LookupResult earlier = connector.lookup(channel, post);
            if (earlier instanceof LookupResult.Found found) {
                return found.post();
            }
            if (earlier instanceof LookupResult.Unknown unknown && !connector.honoursIdempotencyKey()) {
                return new PublishResult.Unconfirmed("Herald could not check whether an earlier attempt arrived: "
                        + unknown.reason());
            }
        }
        return connector.publish(channel, post);
    }
}
