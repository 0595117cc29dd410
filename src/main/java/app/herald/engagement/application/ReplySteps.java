package app.herald.engagement.application;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.engagement.domain.Conversation;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.Reply;
import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.publishing.application.Deliveries;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.Delivery;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.PublicationState;
import app.herald.publishing.domain.PublishResult;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/**
 * The two short transactions around sending an answer, as around publishing a post: {@link #begin} checks the job is
 * still this attempt's and opens the channel ({@link Deliveries}); the network call happens outside any transaction;
 * {@link #finish} records the network's answer on the reply, moves the conversation to PENDING once it went out, tells
 * the author of a failure and writes the audit entry, in one commit with the job's outcome.
 */
@Stateless
public class ReplySteps {

    static final String SENDER = "inbox@herald";

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    Jobs jobs;
    @Inject
    Channels channels;
    @Inject
    Deliveries deliveries;
    @Inject
    InboxNotifications notifications;
    @Inject
    TenantAuditLog audit;
    @Inject
    InboxBadges badges;

    /** What {@link #begin} found: send now, or the job is finished with this outcome. */
    public sealed interface Start {
        record Send(long replyId, Channel channel, ChannelAccess access, Outgoing outgoing, Delivery.Attempt attempt)
                implements Start {
        }

        record Finished(Outcome recorded) implements Start {
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Start begin(Job job) {
        Instant now = Instant.now();
        if (!jobs.holds(job)) {
            throw new Jobs.LeaseLost(job);
        }
        Reply reply = em.find(Reply.class, job.subjectId());
        if (reply == null || reply.getState().isSettled() || reply.getState() == PublicationState.HELD) {
            return finished(job, Outcome.done());
        }
        Channel channel = channels.find(reply.getChannelId());
        Deliveries.Opening opening = deliveries.open(reply, channel, now);
        if (opening instanceof Deliveries.Opening.Waits waits) {
            return finished(job, Outcome.retry(waits.until(), reply.getReason()));
        }
        if (opening instanceof Deliveries.Opening.Go go) {
            Interaction answered = em.find(Interaction.class, reply.getInteractionId());
            Optional<Outgoing> outgoing = answered.replyTarget().map(target -> Outgoing.reply(reply.getId(),
                    reply.getIdempotencyKey(), reply.getBody(), target));
            if (outgoing.isPresent()) {
                return new Start.Send(reply.getId(), channel, go.access(), outgoing.get(), go.attempt());
            }
            reply.rejected("What it answers can no longer be answered on the network.", now);
        }
        return finished(job, recorded(reply, channel));
    }

    /** Throws {@link Jobs.LeaseLost}, so that nothing of it commits, when another attempt holds the job now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome finish(Job job, Start.Send send, PublishResult result) {
        Instant now = Instant.now();
        Reply reply = em.find(Reply.class, send.replyId());
        Channel channel = channels.find(reply.getChannelId());
        Optional<Instant> next = deliveries.record(reply, channel, send.access(), result, now);
        Outcome outcome = next.<Outcome>map(due -> Outcome.retry(due, reply.getReason()))
                .orElseGet(() -> recorded(reply, channel));
        jobs.finish(job, outcome);
        return outcome;
    }

    /** A reply that will not be tried again: it went out (the conversation waits for the other side) or failed. */
    private Outcome recorded(Reply reply, Channel channel) {
        if (reply.getState() == PublicationState.PUBLISHED) {
            em.find(Conversation.class, reply.getConversationId()).answered(reply.getPublishedAt().orElseThrow());
            badges.recount();
        } else if (reply.getState() == PublicationState.FAILED) {
            notifications.failed(reply);
        }
        audit.record(SENDER, "REPLY_" + reply.getState(), "conversation " + reply.getConversationId(),
                channel.label() + (reply.getReason() == null ? "" : ": " + reply.getReason())
                        + (reply.getNetworkUrl() == null ? "" : " " + reply.getNetworkUrl()));
        return Outcome.done(reply.getReason());
    }

    private Start finished(Job job, Outcome outcome) {
        jobs.finish(job, outcome);
        return new Start.Finished(outcome);
    }
}
