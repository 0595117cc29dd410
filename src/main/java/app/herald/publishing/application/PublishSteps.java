package app.herald.publishing.application;

import app.herald.content.application.Channels;
import app.herald.content.application.MediaLibrary;
import app.herald.content.application.Posts;
import app.herald.content.domain.Channel;
import app.herald.content.domain.MediaFile;
import app.herald.content.domain.Variant;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.JobState;
import app.herald.publishing.domain.LinkTracking;
import app.herald.publishing.domain.PublicationPublished;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.OutgoingMedia;
import app.herald.publishing.domain.Publication;
import app.herald.publishing.domain.PublicationState;
import app.herald.publishing.domain.PublishJob;
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.domain.RetryPolicy;
import app.herald.publishing.infrastructure.JobQueue;
import app.herald.publishing.infrastructure.TokenCipher;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two short transactions around a network call: {@link #begin} checks that this node still holds the job, marks
 * the publication PUBLISHING (so that a node taking over later knows to ask the network first) and gathers what the
 * connector needs; {@link #finish} records the outcome on the publication and the job together. The network call
 * itself happens between them, outside any transaction.
 */
@Stateless
public class PublishSteps {

    /** Publications due within this margin are sent now rather than put back. */
    private static final Duration EARLY_MARGIN = Duration.ofMillis(500);
    private static final String PUBLISHER = "publisher@herald";
    /** How long a channel rests after a 429 that did not say (no Retry-After). */
    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofMinutes(15);

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    JobQueue queue;
    @Inject
    Posts posts;
    @Inject
    Channels channels;
    @Inject
    MediaLibrary media;
    @Inject
    ChannelKeys keys;
    @Inject
    LinkTracking links;
    @Inject
    Event<PublicationPublished> published;
    @Inject
    TenantAuditLog audit;
    @Inject
    PublishingNotifications notifications;
    @Inject
    @ConfigProperty(name = "herald.publish.max-attempts", defaultValue = "5")
    int maxAttempts;
    @Inject
    @ConfigProperty(name = "herald.publish.retry-base-seconds", defaultValue = "30")
    long retryBaseSeconds;

    /** What the network call needs, gathered in {@link #begin}. */
    public record Prepared(long publicationId, Publication.Attempt attempt, Channel channel, ChannelAccess access,
                           Outgoing outgoing) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Prepared> begin(PublishJob job, String node, Instant leaseUntil) {
        Instant now = Instant.now();
        if (!queue.holds(node, job.id(), leaseUntil)) {
            return Optional.empty();
        }
        Publication publication = em.find(Publication.class, job.publicationId());
        if (publication == null || publication.getState().isSettled()) {
            queue.release(node, job.id(), JobState.DONE, now, null);
            return Optional.empty();
        }
        boolean waiting = publication.getState() != PublicationState.PUBLISHING;
        if (waiting && publication.nextDue().isAfter(now.plus(EARLY_MARGIN))) {
            // Moved to a later time since it was queued: put it back for then.
            queue.release(node, job.id(), JobState.QUEUED, publication.nextDue(), null);
            return Optional.empty();
        }
        Channel channel = channels.find(publication.getChannelId());
        Optional<Instant> limited = channel.rateLimitedAt(now);
        if (limited.isPresent() && waiting) {
            publication.waitUntil(limited.get(), channel.label() + " is rate limited by the network; Herald waits.", now);
            queue.release(node, job.id(), JobState.RETRY_WAIT, limited.get(), publication.getReason());
            return Optional.empty();
        }
        Publication.Attempt attempt = publication.start(now);
        if (!channel.isConnected()) {
            publication.rejected(channel.label() + " is not connected" + (channel.getConnectionProblem() == null ? ""
                    : " (" + channel.getConnectionProblem() + ")") + ". Connect it under Channels, then retry.", now);
            settleFailed(job, node, publication, channel);
            return Optional.empty();
        }
        ChannelAccess access;
        try {
            access = keys.open(channel);
        } catch (TokenCipher.CannotDecrypt e) {
            channel.connectionLost(e.getMessage());
            publication.rejected(e.getMessage(), now);
            settleFailed(job, node, publication, channel);
            return Optional.empty();
        }
        return Optional.of(new Prepared(publication.getId(), attempt, channel, access,
                outgoing(publication, channel)));
    }

    private Outgoing outgoing(Publication publication, Channel channel) {
        Variant variant = posts.variants(publication.getPostId()).stream()
                .filter(v -> v.getChannelId() == publication.getChannelId()).findFirst()
                .orElseThrow(() -> new IllegalStateException("Publication " + publication.getId() + " has no variant"));
        List<OutgoingMedia> attached = media.mediaOf(variant).stream().map(this::outgoingMedia).toList();
        String text = links.track(publication.getId(), publication.getPostId(), channel.getId(), channel.getNetwork(),
                variant.getText());
        return new Outgoing(publication.getId(), publication.getIdempotencyKey(), text,
                variant.getFirstComment(), attached);
    }

    private OutgoingMedia outgoingMedia(MediaFile file) {
        return new OutgoingMedia(file.getFileName(), file.getMediaType().contentType(), file.getSizeBytes(),
                media.fileOf(file, false), null);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public PublicationState finish(PublishJob job, String node, Prepared prepared, PublishResult result) {
        Instant now = Instant.now();
        Publication publication = em.find(Publication.class, prepared.publicationId());
        Channel channel = channels.find(publication.getChannelId());
        RetryPolicy policy = new RetryPolicy(maxAttempts, Duration.ofSeconds(retryBaseSeconds),
                Duration.ofHours(1));
        Optional<Instant> next = Optional.empty();
        if (result instanceof PublishResult.Published p) {
            publication.published(p.networkPostId(), p.url(), now);
            published.fire(new PublicationPublished(context.current().id(), publication.getId(),
                    publication.getPostId(), channel.getId(), now));
        } else if (result instanceof PublishResult.RetryLater r) {
            if (r.rateLimited()) {
                channel.rateLimitedUntil(now.plus(r.askedDelay().orElse(DEFAULT_RATE_LIMIT_WAIT)));
            }
            next = publication.retryLater(r.reason(), r.askedDelay(), policy, ThreadLocalRandom.current(), now);
        } else if (result instanceof PublishResult.Rejected r) {
            publication.rejected(r.reason(), now);
            if (r.reconnect()) {
                channel.connectionLost(r.reason());
            }
        } else if (result instanceof PublishResult.Unconfirmed u) {
            next = publication.unconfirmed(u.reason(), policy, ThreadLocalRandom.current(), now);
        }
        keys.keepRenewed(channel, prepared.access());
        if (!queue.release(node, job.id(), next.isPresent() ? JobState.RETRY_WAIT : JobState.DONE, next.orElse(now),
                publication.getReason())) {
            // Another node took the job over while this one worked; its outcome must not be overwritten.
            throw new IllegalStateException("Lost the lease on publish job " + job.id());
        }
        if (publication.getState() == PublicationState.FAILED) {
            notifications.failed(posts.find(publication.getPostId()), channel, publication);
        }
        audit.record(PUBLISHER, "PUBLICATION_" + publication.getState(), "post " + publication.getPostId(),
                channel.label() + (publication.getReason() == null ? "" : ": " + publication.getReason())
                        + (publication.getNetworkUrl() == null ? "" : " " + publication.getNetworkUrl()));
        return publication.getState();
    }

    private void settleFailed(PublishJob job, String node, Publication publication, Channel channel) {
        queue.release(node, job.id(), JobState.DONE, Instant.now(), publication.getReason());
        notifications.failed(posts.find(publication.getPostId()), channel, publication);
        audit.record(PUBLISHER, "PUBLICATION_FAILED", "post " + publication.getPostId(),
                channel.label() + ": " + publication.getReason());
    }
}
