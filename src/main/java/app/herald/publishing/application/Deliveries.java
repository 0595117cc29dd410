package app.herald.publishing.application;

import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;
import app.herald.kernel.crypto.TokenCipher;
import app.herald.publishing.domain.AttemptRun;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.Delivery;
import app.herald.publishing.domain.NetworkConnector;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.PublicationState;
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.domain.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every {@link Delivery} goes through, whatever it carries (a post's variant, an answer from the inbox): in the
 * transaction before the network call, whether its channel lets it go now and the channel's keys; the call itself,
 * outside any transaction, never a blind resend; in the transaction after it, the network's answer recorded on the
 * delivery and on its channel (a rate limit, a sign-in the network stopped accepting, renewed tokens).
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());
    /** How long a channel rests after a 429 that did not say (no Retry-After). */
    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofMinutes(15);

    @Inject
    ChannelKeys keys;
    @Inject
    Connectors connectors;
    @Inject
    @ConfigProperty(name = "herald.publish.max-attempts", defaultValue = "5")
    int maxAttempts;
    @Inject
    @ConfigProperty(name = "herald.publish.retry-base-seconds", defaultValue = "30")
    long retryBaseSeconds;

    /** What an attempt may do once it holds its job. */
    public sealed interface Opening {

        /** Send now: what to ask the network first, and the channel opened for the connector. */
        record Go(Delivery.Attempt attempt, ChannelAccess access) implements Opening {
        }

        /** The channel is rate limited: the delivery waits until then, without spending an attempt. */
        record Waits(Instant until) implements Opening {
        }

        /** The channel cannot be used (not connected, credentials unreadable): the delivery failed, with the reason. */
        record Failed() implements Opening {
        }
    }

    /** Starts an attempt at a due delivery, in the caller's transaction. */
    public Opening open(Delivery delivery, Channel channel, Instant now) {
        Optional<Instant> limited = channel.rateLimitedAt(now);
        if (limited.isPresent() && delivery.getState() != PublicationState.PUBLISHING) {
            delivery.waitUntil(limited.get(), channel.label() + " is rate limited by the network; Herald waits.", now);
            return new Opening.Waits(limited.get());
        }
        Delivery.Attempt attempt = delivery.start(now);
        if (!channel.isConnected()) {
            delivery.rejected(channel.label() + " is not connected" + (channel.getConnectionProblem() == null ? ""
                    : " (" + channel.getConnectionProblem() + ")") + ". Connect it under Channels, then retry.", now);
            return new Opening.Failed();
        }
        try {
            return new Opening.Go(attempt, keys.open(channel));
        } catch (TokenCipher.CannotDecrypt e) {
            channel.connectionLost(e.getMessage());
            delivery.rejected(e.getMessage(), now);
            return new Opening.Failed();
        }
    }

    /**
     * The network call, outside any transaction: the connector checks what it would refuse, then publishes (asking
     * first whether an earlier attempt arrived, when one may have). A connector's own bug counts as unconfirmed:
     * Herald cannot know whether the request went out.
     */
    public PublishResult send(Channel channel, ChannelAccess access, Outgoing outgoing, Delivery.Attempt attempt) {
        return sendLater(channel.getNetwork(), access, outgoing, attempt).join();
    }

    /** Whether sending to the network needs its client entered ({@link NetworkConnector#livesInTheClient}). */
    public boolean sendsInTheClient(Network network) {
        return connectors.of(network).map(NetworkConnector::livesInTheClient).orElse(false);
    }

    /**
     * As {@link #send}, answering when the network has, without a thread waiting where the connector can send without
     * one (the others send at once on the calling thread). Never completes exceptionally.
     */
    public CompletableFuture<PublishResult> sendLater(Network network, ChannelAccess access, Outgoing outgoing,
                                                      Delivery.Attempt attempt) {
        Optional<NetworkConnector> found = connectors.of(network);
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(new PublishResult.Rejected("Herald cannot publish to "
                    + network.label() + " yet."));
        }
        NetworkConnector connector = found.get();
        List<String> problems = connector.validate(outgoing);
        if (!problems.isEmpty()) {
            return CompletableFuture.completedFuture(new PublishResult.Rejected(String.join(" ", problems)));
        }
        CompletableFuture<PublishResult> sent;
        try {
            sent = AttemptRun.start(connector, access, outgoing, attempt);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.exceptionally(e -> {
            LOG.log(Level.SEVERE, "Connector for " + connector.network() + " failed", e);
            return new PublishResult.Unconfirmed("Herald had an internal error while publishing. It checks with the "
                    + "network before it tries again.");
        });
    }

    /**
     * Records the network's answer on the delivery and its channel, in the caller's transaction, and keeps tokens the
     * connector renewed. Answers when to try again, or empty when nothing more will happen by itself.
     */
    public Optional<Instant> record(Delivery delivery, Channel channel, ChannelAccess access, PublishResult result,
                                    Instant now) {
        RetryPolicy policy = new RetryPolicy(maxAttempts, Duration.ofSeconds(retryBaseSeconds), Duration.ofHours(1));
        Optional<Instant> next = Optional.empty();
        if (result instanceof PublishResult.Published p) {
            delivery.published(p.networkPostId(), p.url(), now);
        } else if (result instanceof PublishResult.RetryLater r) {
            if (r.rateLimited()) {
                channel.rateLimitedUntil(now.plus(r.askedDelay().orElse(DEFAULT_RATE_LIMIT_WAIT)));
            }
            next = delivery.retryLater(r.reason(), r.askedDelay(), policy, ThreadLocalRandom.current(), now);
        } else if (result instanceof PublishResult.Rejected r) {
            delivery.rejected(r.reason(), now);
            if (r.reconnect()) {
                channel.connectionLost(r.reason());
            }
        } else if (result instanceof PublishResult.Unconfirmed u) {
            next = delivery.unconfirmed(u.reason(), policy, ThreadLocalRandom.current(), now);
        }
        keys.keepRenewed(channel, access);
        return next;
    }
}
