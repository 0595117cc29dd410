package app.herald.engagement.domain;

import app.herald.approval.domain.ApprovalFlow;
import app.herald.approval.domain.PostState;
import app.herald.kernel.RuleViolation;
import app.herald.publishing.domain.Delivery;
import app.herald.publishing.domain.PublicationState;
import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * The client's answer to one incoming item, written in the inbox. When the client asks for answers to be reviewed it
 * goes through the same workflow as a post ({@link ApprovalFlow}) and is held until approved; then it goes out as a
 * {@link Delivery}: one idempotency key, sent exactly once, never resent blindly after a lost answer.
 */
@Entity
@Table(name = "inbox_reply")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "Reply.ofConversation",
        query = "SELECT r FROM Reply r WHERE r.conversationId = :conversationId ORDER BY r.createdAt, r.id")
@NamedQuery(name = "Reply.byNetworkIds",
        query = "SELECT r FROM Reply r WHERE r.channelId = :channelId AND r.networkPostId IN :networkIds")
@NamedQuery(name = "Reply.inReview",
        query = "SELECT r FROM Reply r WHERE r.reviewState IN :states ORDER BY r.createdAt, r.id")
public class Reply extends Delivery {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    @Column(name = "interaction_id", nullable = false, updatable = false)
    private long interactionId;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private long channelId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private long authorId;

    @Column(name = "author_name", nullable = false, updatable = false)
    private String authorName;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_state", nullable = false)
    private PostState reviewState;

    @Column(name = "review_step", nullable = false)
    private int reviewStep;

    @Column(name = "answers_since")
    private Long answersSince;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    protected Reply() {
    }

    /**
     * Written by a person: held for review when the flow it was submitted into did not approve it at once, queued to go
     * out now otherwise. {@code waitingSince} is since when the other side waited, for the response time.
     */
    public Reply(Conversation conversation, Interaction answered, long authorId, String authorName, String text,
                 ApprovalFlow submitted, Instant now) {
        super(now, now, submitted.state() != PostState.APPROVED);
        if (!answered.isAnswerable()) {
            throw new RuleViolation("This " + answered.getKind().label().toLowerCase(java.util.Locale.ROOT)
                    + " cannot be answered" + (answered.isDeleted() ? ": it was deleted." : "."));
        }
        this.conversationId = conversation.getId();
        this.interactionId = answered.getId();
        this.channelId = answered.getChannelId();
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = text;
        this.reviewState = submitted.state();
        this.reviewStep = submitted.step();
        this.answersSince = conversation.getWaitingSince().map(Instant::toEpochMilli).orElse(null);
        this.createdAt = now.toEpochMilli();
    }

    /** A review decision moved the flow on: approved releases the answer, rejected stops it for good. */
    public void reviewed(ApprovalFlow flow, Instant now) {
        reviewState = flow.state();
        reviewStep = flow.step();
        if (reviewState == PostState.APPROVED && getState() == PublicationState.HELD) {
            release(now, now);
        } else if (reviewState == PostState.REJECTED && getState() == PublicationState.HELD) {
            cancel("Rejected in review.", now);
        }
    }

    /**
     * Another try, only for an answer its review let go: one rejected, or cancelled before it was approved, stays
     * stopped (its words were never agreed).
     */
    @Override
    public Instant retry(Instant now) {
        if (reviewState != PostState.APPROVED) {
            throw new RuleViolation("This answer was never approved, so it cannot be sent; write a new one.");
        }
        return super.retry(now);
    }

    /** New words while it waits for review or for changes; the flow decides whether review starts over. */
    public void rewrite(String text) {
        if (getState() != PublicationState.HELD) {
            throw new RuleViolation("An answer that was released can no longer be changed.");
        }
        this.body = text;
    }

    /** How long the other side waited for this answer, once it went out; empty when nobody was waiting. */
    public Optional<Duration> responseTime() {
        return getPublishedAt().filter(at -> answersSince != null)
                .map(at -> Duration.ofMillis(Math.max(0, at.toEpochMilli() - answersSince)));
    }

    public boolean isInReview() {
        return reviewState == PostState.IN_REVIEW || reviewState == PostState.CLIENT_REVIEW;
    }

    public Long getId() {
        return id;
    }

    public long getConversationId() {
        return conversationId;
    }

    public long getInteractionId() {
        return interactionId;
    }

    public long getChannelId() {
        return channelId;
    }

    public long getAuthorId() {
        return authorId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getBody() {
        return body;
    }

    public PostState getReviewState() {
        return reviewState;
    }

    public int getReviewStep() {
        return reviewStep;
    }

    public Optional<Instant> getAnswersSince() {
        return Optional.ofNullable(answersSince).map(Instant::ofEpochMilli);
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
