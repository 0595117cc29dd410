package app.herald.publishing.application;

import app.herald.content.application.ChannelCopies;
import app.herald.content.application.Channels;
import app.herald.content.application.MediaLibrary;
import app.herald.content.application.Posts;
import app.herald.content.domain.Channel;
import app.herald.content.domain.MediaFile;
import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.Delivery;
import app.herald.publishing.domain.DuePublication;
import app.herald.publishing.domain.LinkTracking;
import app.herald.publishing.domain.PublicationFailed;
import app.herald.publishing.domain.PublicationPublished;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.OutgoingMedia;
import app.herald.publishing.domain.Publication;
import app.herald.publishing.domain.PublicationState;
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.domain.SendingChannel;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The two short transactions around a network call: {@link #begin} checks that this attempt still holds the job,
 * marks the publication PUBLISHING (so that an attempt taking over later knows to ask the network first) and gathers
 * what the connector needs; {@link #finish} records the outcome on the publication, plans what follows (analytics),
 * writes the audit entry, queues the failure e-mail and finishes the job, all in one transaction: either all of it
 * commits or none. The network call itself happens between them, outside any transaction.
 */
@Stateless
public class PublishSteps {

    static final String PUBLISHER = "publisher@herald";

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    Jobs jobs;
    @Inject
    Posts posts;
    @Inject
    ChannelCopies copies;
    @Inject
    Channels channels;
    @Inject
    MediaLibrary media;
    @Inject
    Deliveries deliveries;
    @Inject
    LinkTracking links;
    @Inject
    Event<PublicationPublished> published;
    @Inject
    Event<PublicationFailed> failed;
    @Inject
    TenantAuditLog audit;
    @Inject
    PublishingNotifications notifications;

    /** What {@link #begin} found: send now, or the job is already finished (with the outcome it recorded). */
    public sealed interface Start {
        record Send(Prepared prepared) implements Start {
        }

        record Finished(Outcome recorded) implements Start {
        }
    }

    /** What the network call needs, gathered in {@link #begin} (or by a round across clients, ADR 0034). */
    public record Prepared(long publicationId, long postId, Delivery.Attempt attempt, SendingChannel channel,
                           ChannelAccess access, Outgoing outgoing, Long campaignId) {
    }

    /** Throws {@link Jobs.LeaseLost}, writing nothing, when another attempt holds the job now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Start begin(Job job) {
        if (!jobs.holds(job)) {
            throw new Jobs.LeaseLost(job);
        }
        return started(job);
    }

    /**
     * As {@link #begin} for several jobs of this client at once, in one transaction (a round of a group commit, ADR
     * 0030): every attempt's hold on its job is checked in one statement first. Throws {@link Jobs.LeaseLost}, writing
     * nothing, when any of them lost its job; answers for each, in their order, whether to send it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Start> beginAll(List<Job> round) {
        if (!jobs.holdAll(round)) {
            throw new Jobs.LeaseLost(round);
        }
        return round.stream().map(this::started).toList();
    }

    private Start started(Job job) {
        Instant now = Instant.now();
        Optional<Target> target = target(job.subjectId());
        if (target.isEmpty() || target.get().publication().getState().isSettled()) {
            return finished(job, Outcome.done());
        }
        Publication publication = target.get().publication();
        if (publication.getState() != PublicationState.PUBLISHING
                && publication.nextDue().isAfter(now.plus(DuePublication.EARLY_MARGIN))) {
            // Moved to a later time since it was queued: put it back for then.
            return finished(job, Outcome.next(0, publication.nextDue()));
        }
        Channel channel = target.get().channel();
        Deliveries.Opening opening = deliveries.open(publication, channel, now);
        if (opening instanceof Deliveries.Opening.Waits waits) {
            return finished(job, Outcome.retry(waits.until(), publication.getReason()));
        }
        if (opening instanceof Deliveries.Opening.Go go) {
            ChannelCopies.ChannelCopy copy = copies.of(publication.getPostId(), publication.getChannelId())
                    .orElseThrow(() -> new IllegalStateException("Publication " + publication.getId()
                            + " has no variant"));
            return new Start.Send(new Prepared(publication.getId(), publication.getPostId(), go.attempt(),
                    SendingChannel.of(channel), go.access(), outgoing(publication, channel, copy), copy.campaignId()));
        }
        return settleFailed(job, publication, channel);
    }

    private Start finished(Job job, Outcome outcome) {
        jobs.finish(job, outcome);
        return new Start.Finished(outcome);
    }

    /** A publication with its channel. */
    private record Target(Publication publication, Channel channel) {
    }

    /**
     * The publication and its channel in one query, as each step needs both; a publication whose channel is gone is
     * read alone, so that the channel's absence is reported as before.
     */
    private Optional<Target> target(long publicationId) {
        List<Object[]> rows = em.createNamedQuery("Publication.withChannel", Object[].class)
                .setParameter("id", publicationId).getResultList();
        if (!rows.isEmpty()) {
            return Optional.of(new Target((Publication) rows.get(0)[0], (Channel) rows.get(0)[1]));
        }
        return Optional.ofNullable(em.find(Publication.class, publicationId))
                .map(alone -> new Target(alone, channels.find(alone.getChannelId())));
    }

    private Outgoing outgoing(Publication publication, Channel channel, ChannelCopies.ChannelCopy copy) {
        List<OutgoingMedia> attached = copy.media().stream().map(this::outgoingMedia).toList();
        String text = links.track(publication.getId(), publication.getPostId(), channel.getId(), channel.getNetwork(),
                copy.text());
        return new Outgoing(publication.getId(), publication.getIdempotencyKey(), text, copy.firstComment(),
                attached);
    }

    private OutgoingMedia outgoingMedia(MediaFile file) {
        return new OutgoingMedia(file.getFileName(), file.getMediaType().contentType(), file.getSizeBytes(),
                media.fileOf(file, false), null);
    }

    /** Throws {@link Jobs.LeaseLost}, so that nothing of it commits, when another attempt holds the job now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome finish(Job job, Prepared prepared, PublishResult result) {
        Outcome outcome = recorded(prepared, result);
        jobs.finish(job, outcome);
        return outcome;
    }

    /** A network's answer to one attempt, waiting to be recorded. */
    public record Answer(Job job, Prepared prepared, PublishResult result) {
    }

    /**
     * As {@link #finish} for several answers of this client at once, in one transaction (a round of a group commit,
     * ADR 0030), their jobs finished together at the end. Throws {@link Jobs.LeaseLost}, so that nothing of it
     * commits, when any attempt lost its job; answers each one's outcome, in their order.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Outcome> finishAll(List<Answer> round) {
        List<Outcome> outcomes = round.stream().map(a -> recorded(a.prepared(), a.result())).toList();
        jobs.finishAll(round.stream().map(Answer::job).toList(), outcomes);
        return outcomes;
    }

    private Outcome recorded(Prepared prepared, PublishResult result) {
        Instant now = Instant.now();
        Target target = target(prepared.publicationId()).orElseThrow(() -> new IllegalStateException(
                "Publication " + prepared.publicationId() + " is gone while it was being sent"));
        Publication publication = target.publication();
        Channel channel = target.channel();
        Optional<Instant> next = deliveries.record(publication, channel, prepared.access(), result, now);
        if (publication.getState() == PublicationState.PUBLISHED) {
            published.fire(new PublicationPublished(context.current(), publication.getId(), publication.getPostId(),
                    channel.getId(), prepared.campaignId(), publication.getNetworkUrl(), now));
        }
        Outcome outcome = next.<Outcome>map(due -> Outcome.retry(due, publication.getReason()))
                .orElseGet(() -> Outcome.done(publication.getReason()));
        if (publication.getState() == PublicationState.FAILED) {
            notifications.failed(posts.find(publication.getPostId()), channel, publication);
            failed.fire(new PublicationFailed(context.current().id(), publication.getId(), publication.getPostId(),
                    channel.getId(), publication.getReason()));
        }
        audit.record(PUBLISHER, "PUBLICATION_" + publication.getState(), auditSubject(publication.getPostId()),
                auditDetail(channel.label(), publication.getReason(), publication.getNetworkUrl()));
        return outcome;
    }

    /** What the audit log says a publication's outcome was about, and how it went: one wording however recorded. */
    static String auditSubject(long postId) {
        return "post " + postId;
    }

    static String auditDetail(String channelLabel, String reason, String networkUrl) {
        return channelLabel + (reason == null ? "" : ": " + reason) + (networkUrl == null ? "" : " " + networkUrl);
    }

    private Start settleFailed(Job job, Publication publication, Channel channel) {
        Start finished = finished(job, Outcome.done(publication.getReason()));
        notifications.failed(posts.find(publication.getPostId()), channel, publication);
        failed.fire(new PublicationFailed(context.current().id(), publication.getId(), publication.getPostId(),
                channel.getId(), publication.getReason()));
        audit.record(PUBLISHER, "PUBLICATION_FAILED", auditSubject(publication.getPostId()),
                auditDetail(channel.label(), publication.getReason(), null));
        return finished;
    }
}
