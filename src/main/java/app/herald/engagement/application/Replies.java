package app.herald.engagement.application;

import app.herald.approval.application.ApprovalPolicies;
import app.herald.approval.application.Reviewers;
import app.herald.approval.domain.ApprovalFlow;
import app.herald.approval.domain.ApprovalPolicy;
import app.herald.approval.domain.Decision;
import app.herald.approval.domain.PostState;
import app.herald.approval.domain.Reviewer;
import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.content.domain.TextCheck;
import app.herald.content.domain.TextRules;
import app.herald.engagement.domain.Conversation;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.Reply;
import app.herald.engagement.domain.ReplyDecision;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.Text;
import app.herald.publishing.domain.PublicationState;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Answers written in the inbox. An answer is checked against its network's own limits, then reviewed when the client
 * asks for it (the client's review steps, as for posts, under the inbox's own mode), and released to go out as a
 * delivery: exactly once, never resent blindly. Its author is told when it fails; it can be retried or cancelled.
 */
@Stateless
public class Replies {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    InboxPolicy policy;
    @Inject
    Conversations conversations;
    @Inject
    Channels channels;
    @Inject
    ApprovalPolicies approvals;
    @Inject
    Actors actors;
    @Inject
    InboxOutbox outbox;
    @Inject
    InboxNotifications notifications;
    @Inject
    TenantAuditLog audit;

    /** The answers in a conversation, in the order they were written. */
    public List<Reply> of(Actor actor, long conversationId) {
        conversations.find(actor, conversationId);
        return em.createNamedQuery("Reply.ofConversation", Reply.class).setParameter("conversationId", conversationId)
                .getResultList();
    }

    /** How the text measures against the network's limit for answers, for the live counter. */
    public TextCheck check(long conversationId, String text) {
        Conversation conversation = conversations.find(conversationId);
        return TextRules.checkReply(channels.find(conversation.getChannelId()).getNetwork(), text);
    }

    /** Answers one item of a conversation (by default its latest one from the other side). */
    public Reply write(Actor actor, long conversationId, long interactionId, String typed) {
        policy.requireWorker(actor);
        Conversation conversation = conversations.find(conversationId);
        Interaction answered = em.find(Interaction.class, interactionId);
        if (answered == null || answered.getConversationId() == null
                || answered.getConversationId() != conversationId) {
            throw new AccessDenied("No item " + interactionId + " in conversation " + conversationId);
        }
        Channel channel = channels.find(conversation.getChannelId());
        String text = Text.body("An answer", typed, Math.max(1, channel.getNetwork().maxReplyLength() * 4));
        TextCheck check = TextRules.checkReply(channel.getNetwork(), text);
        if (!check.isValid()) {
            throw new RuleViolation(String.join(" ", check.problems()));
        }
        Instant now = Instant.now();
        ApprovalFlow flow = ApprovalFlow.start(replyPolicy(), actor.userId());
        Decision submitted = flow.submit(reviewer(actor), now);
        Reply reply = new Reply(conversation, answered, actor.userId(), actors.nameOf(actor.userId()), text, flow, now);
        em.persist(reply);
        em.flush();
        conversation.stoppedReplying(actor.userId());
        recordDecision(reply, flow, submitted, actor);
        return reply;
    }

    /** An answer with what it answers, for the screens that review answers. */
    public record InContext(Reply reply, Interaction answered, String channel, String from,
                            List<ReplyDecision> history) implements java.io.Serializable {
    }

    /** The answers waiting for this person's decision, each with what it answers. */
    public List<InContext> awaitingInContext(Actor actor) {
        return awaiting(actor).stream().map(r -> inContext(actor, r)).toList();
    }

    /** This person's answers that reviewers sent back for changes. */
    public List<InContext> sentBack(Actor actor) {
        return em.createNamedQuery("Reply.inReview", Reply.class)
                .setParameter("states", EnumSet.of(PostState.CHANGES_REQUESTED)).getResultList().stream()
                .filter(r -> r.getAuthorId() == actor.userId() && r.getState() == PublicationState.HELD)
                .map(r -> inContext(actor, r)).toList();
    }

    private InContext inContext(Actor actor, Reply reply) {
        Interaction answered = em.find(Interaction.class, reply.getInteractionId());
        String from = em.createQuery("SELECT c.name FROM Contact c WHERE c.id = :id", String.class)
                .setParameter("id", answered.getContactId()).getResultStream().findFirst().orElse("?");
        return new InContext(reply, answered, channels.find(reply.getChannelId()).label(), from,
                history(actor, reply.getId()));
    }

    /** The answers whose next decision is this person's (an agency step, or the client's approval). */
    public List<Reply> awaiting(Actor actor) {
        Reviewer who = reviewer(actor);
        ApprovalPolicy replyPolicy = replyPolicy();
        return em.createNamedQuery("Reply.inReview", Reply.class)
                .setParameter("states", EnumSet.of(PostState.IN_REVIEW, PostState.CLIENT_REVIEW)).getResultList()
                .stream().filter(r -> flowOf(r, replyPolicy).awaits(who)).toList();
    }

    public Reply approve(Actor actor, long replyId, String comment) {
        return decide(actor, replyId, (flow, who) -> flow.approve(who, Instant.now(), comment));
    }

    public Reply requestChanges(Actor actor, long replyId, String comment) {
        return decide(actor, replyId, (flow, who) -> flow.requestChanges(who, Instant.now(), comment));
    }

    public Reply reject(Actor actor, long replyId, String comment) {
        return decide(actor, replyId, (flow, who) -> flow.reject(who, Instant.now(), comment));
    }

    /** New words for an answer that waits for changes (or for review): it goes back to review. */
    public Reply rewrite(Actor actor, long replyId, String typed) {
        policy.requireWorker(actor);
        Reply reply = find(replyId);
        Channel channel = channels.find(reply.getChannelId());
        String text = Text.body("An answer", typed, Math.max(1, channel.getNetwork().maxReplyLength() * 4));
        TextCheck check = TextRules.checkReply(channel.getNetwork(), text);
        if (!check.isValid()) {
            throw new RuleViolation(String.join(" ", check.problems()));
        }
        reply.rewrite(text);
        ApprovalFlow flow = flowOf(reply, replyPolicy());
        Decision decision = reply.getReviewState() == PostState.CHANGES_REQUESTED
                ? flow.submit(reviewer(actor), Instant.now())
                : flow.edited(reviewer(actor), Instant.now()).orElse(null);
        if (decision != null) {
            recordDecision(reply, flow, decision, actor);
        }
        return reply;
    }

    public Reply retry(Actor actor, long replyId) {
        policy.requireWorker(actor);
        Reply reply = find(replyId);
        Instant now = Instant.now();
        outbox.send(context.current().id(), replyId, reply.retry(now));
        audit.record(actor.email(), "REPLY_RETRIED", "conversation " + reply.getConversationId(), "reply " + replyId);
        return reply;
    }

    public Reply cancel(Actor actor, long replyId) {
        policy.requireWorker(actor);
        Reply reply = find(replyId);
        reply.cancel("Cancelled by " + actor.email() + ".", Instant.now());
        outbox.settle(context.current().id(), replyId);
        audit.record(actor.email(), "REPLY_CANCELLED", "conversation " + reply.getConversationId(), "reply " + replyId);
        return reply;
    }

    /** The review of an answer, as this person may read it: the client's people read only their own step's. */
    public List<ReplyDecision> history(Actor actor, long replyId) {
        return decisions(replyId).stream()
                .filter(d -> actor.isStaff() || d.toDecision().from() == PostState.CLIENT_REVIEW).toList();
    }

    public Reply find(long replyId) {
        return context.require(em.find(Reply.class, replyId), "reply", replyId);
    }

    private Reply decide(Actor actor, long replyId, BiFunction<ApprovalFlow, Reviewer, Decision> step) {
        Reply reply = find(replyId);
        if (reply.getState() != PublicationState.HELD) {
            throw new RuleViolation("This answer is no longer waiting for a decision.");
        }
        ApprovalFlow flow = flowOf(reply, replyPolicy());
        Decision decision = step.apply(flow, reviewer(actor));
        recordDecision(reply, flow, decision, actor);
        return reply;
    }

    private void recordDecision(Reply reply, ApprovalFlow flow, Decision decision, Actor actor) {
        reply.reviewed(flow, decision.at());
        em.persist(new ReplyDecision(reply.getId(), actors.nameOf(actor.userId()), decision));
        audit.record(actor.email(), "REPLY_" + decision.kind(), "conversation " + reply.getConversationId(),
                decision.from() + " -> " + decision.to() + (decision.comment() == null ? "" : ": " + decision.comment()));
        if (reply.getState() == PublicationState.QUEUED) {
            outbox.send(context.current().id(), reply.getId(), reply.getDueAt());
        }
        if (decision.to() == PostState.IN_REVIEW) {
            flow.currentStep().ifPresent(step -> notifications.awaitingReview(reply, step.approvers().stream()
                    .filter(id -> id != reply.getAuthorId()).toList(), false));
        } else if (decision.to() == PostState.CLIENT_REVIEW && decision.from() != PostState.CLIENT_REVIEW) {
            notifications.awaitingReview(reply, actors.clientApproversOf(context.current().id()).stream()
                    .map(app.herald.identity.domain.User::getId).toList(), true);
        }
    }

    private ApprovalPolicy replyPolicy() {
        return approvals.forMode(policy.settings().getReplyApproval());
    }

    private ApprovalFlow flowOf(Reply reply, ApprovalPolicy replyPolicy) {
        List<Decision> decisions = decisions(reply.getId()).stream().map(ReplyDecision::toDecision).toList();
        return new ApprovalFlow(replyPolicy, reply.getAuthorId(), reply.getReviewState(), reply.getReviewStep(),
                decisions);
    }

    private List<ReplyDecision> decisions(long replyId) {
        return em.createNamedQuery("ReplyDecision.of", ReplyDecision.class).setParameter("replyId", replyId)
                .getResultList();
    }

    private Reviewer reviewer(Actor actor) {
        return Reviewers.of(actor, context.current());
    }
}
