package app.herald.engagement.application;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.engagement.domain.Interaction;
import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.kernel.crypto.TokenCipher;
import app.herald.publishing.application.ChannelKeys;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.Moderation;
import app.herald.publishing.domain.NetworkInbox;
import app.herald.publishing.domain.ReplyTarget;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * The two short transactions around hiding, showing again, deleting or liking an item on its network: the item shows
 * the action at once in Herald; the network's refusal undoes it there and says why.
 */
@Stateless
public class ModerationSteps {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    Jobs jobs;
    @Inject
    Channels channels;
    @Inject
    ChannelKeys keys;
    @Inject
    Inboxes inboxes;
    @Inject
    TenantAuditLog audit;

    /** What {@link #begin} found: ask the network, or nothing (more) to do. */
    public sealed interface Start {
        record Act(long interactionId, Moderation action, NetworkInbox inbox, ChannelAccess access,
                   ReplyTarget target) implements Start {
        }

        record Finished(Outcome recorded) implements Start {
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Start begin(Job job) {
        if (!jobs.holds(job)) {
            throw new Jobs.LeaseLost(job);
        }
        Moderation action = Moderation.valueOf(job.kind());
        Interaction item = em.find(Interaction.class, job.subjectId());
        if (item == null || item.getPendingModeration().filter(action::equals).isEmpty()) {
            return finished(job, Outcome.done());
        }
        Channel channel = channels.find(item.getChannelId());
        Optional<NetworkInbox> inbox = inboxes.of(channel.getNetwork());
        Optional<ReplyTarget> target = item.replyTarget();
        if (inbox.isEmpty() || target.isEmpty() || !channel.isConnected()) {
            item.notModerated(action, channel.label() + " cannot be asked now.");
            return finished(job, Outcome.done());
        }
        try {
            return new Start.Act(item.getId(), action, inbox.get(), keys.open(channel), target.get());
        } catch (TokenCipher.CannotDecrypt e) {
            item.notModerated(action, e.getMessage());
            return finished(job, Outcome.done());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome finish(Job job, Start.Act act, Optional<String> refusal) {
        Interaction item = em.find(Interaction.class, act.interactionId());
        Channel channel = channels.find(item.getChannelId());
        refusal.ifPresentOrElse(why -> item.notModerated(act.action(), why), () -> item.moderated(act.action()));
        keys.keepRenewed(channel, act.access());
        audit.record(ReplySteps.SENDER, "INBOX_" + act.action() + (refusal.isPresent() ? "_REFUSED" : ""),
                "conversation " + item.getConversationId(), channel.label() + refusal.map(r -> ": " + r).orElse(""));
        Outcome outcome = Outcome.done(refusal.orElse(null));
        jobs.finish(job, outcome);
        return outcome;
    }

    private Start finished(Job job, Outcome outcome) {
        jobs.finish(job, outcome);
        return new Start.Finished(outcome);
    }
}
