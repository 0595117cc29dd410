package app.herald.analytics.application;

import app.herald.analytics.domain.PostNumbers;
import app.herald.analytics.infrastructure.RollupStore;
import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.kernel.crypto.TokenCipher;
import app.herald.publishing.application.ChannelKeys;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.Metric;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.Publication;
import app.herald.publishing.domain.PublicationState;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/**
 * The short transactions around a measurement's network call: {@code open*} gathers what the connector needs (or says
 * why the reading cannot happen now), {@code record*} stores what the network answered. The call happens between
 * them, outside any transaction.
 */
@Stateless
public class MeasureSteps {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    Channels channels;
    @Inject
    ChannelKeys keys;
    @Inject
    RollupStore rollups;
    @Inject
    Jobs jobs;

    /** Ready to call the network, or why not: waiting (until), or never (the post is gone or not published). */
    public record Opened(Channel channel, ChannelAccess access, String networkPostId, Instant publishedAt,
                         Instant waitUntil, String problem) {

        boolean ready() {
            return access != null;
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Opened openPost(long publicationId, Instant now) {
        Publication publication = em.find(Publication.class, publicationId);
        if (publication == null || publication.getState() != PublicationState.PUBLISHED
                || publication.getNetworkPostId() == null) {
            return new Opened(null, null, null, null, null, "The publication is no longer on the network.");
        }
        return openChannel(publication.getChannelId(), now, publication.getNetworkPostId(),
                publication.getPublishedAt().orElse(now));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Opened openChannel(long channelId, Instant now) {
        return openChannel(channelId, now, null, null);
    }

    private Opened openChannel(long channelId, Instant now, String networkPostId, Instant publishedAt) {
        Channel channel = channels.find(channelId);
        if (!channel.isConnected()) {
            return new Opened(channel, null, networkPostId, publishedAt, null, channel.label() + " is not connected"
                    + (channel.getConnectionProblem() == null ? "." : ": " + channel.getConnectionProblem()));
        }
        Optional<Instant> limited = channel.rateLimitedAt(now);
        if (limited.isPresent()) {
            return new Opened(channel, null, networkPostId, publishedAt, limited.get(), channel.label()
                    + " is rate limited by the network; Herald reads it later.");
        }
        try {
            return new Opened(channel, keys.open(channel), networkPostId, publishedAt, null, null);
        } catch (TokenCipher.CannotDecrypt e) {
            return new Opened(channel, null, networkPostId, publishedAt, null, e.getMessage());
        }
    }

    /** Stores a post's reading at the job's checkpoint and moves the job on, together. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordPost(Job job, MetricReading reading, ChannelAccess access, Outcome next) {
        rollups.placement(job.subjectId()).ifPresent(post -> rollups.measured(post, job.step(), reading.readAt(),
                reading.readAt().atZone(context.current().zone()).toLocalDate(), PostNumbers.of(reading)));
        keys.keepRenewed(channels.find(access.channelId()), access);
        jobs.finish(job, next);
    }

    /** Stores a channel's follower count and plans the next reading, together. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFollowers(Job job, MetricReading reading, ChannelAccess access, Outcome next) {
        reading.value(Metric.FOLLOWERS).ifPresent(followers -> rollups.followers(job.subjectId(),
                reading.readAt().atZone(context.current().zone()).toLocalDate(), followers, reading.readAt()));
        keys.keepRenewed(channels.find(job.subjectId()), access);
        jobs.finish(job, next);
    }

    /** Notes on the post that a checkpoint was given up, and moves the job on, together. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void postFailed(Job job, String problem, Outcome next) {
        rollups.measurementFailed(job.subjectId(), problem);
        jobs.finish(job, next);
    }
}
