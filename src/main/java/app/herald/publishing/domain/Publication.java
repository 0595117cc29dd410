package app.herald.publishing.domain;

import app.herald.kernel.RuleViolation;
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
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * The attempt to put one variant on one channel at its due time. It keeps one idempotency key over all its attempts,
 * and every change of state goes through a method here that refuses a change that makes no sense: a publication
 * that may have reached the network is never sent again without asking the network first.
 */
@Entity
@Table(name = "publication")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "Publication.ofPost", query = "SELECT p FROM Publication p WHERE p.postId = :postId ORDER BY p.id")
@NamedQuery(name = "Publication.ofPosts", query = "SELECT p FROM Publication p WHERE p.postId IN :postIds")
@NamedQuery(name = "Publication.inStates",
        query = "SELECT p FROM Publication p WHERE p.state IN :states ORDER BY p.dueAt DESC, p.id")
@NamedQuery(name = "Publication.countInStates", query = "SELECT COUNT(p) FROM Publication p WHERE p.state IN :states")
public class Publication implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_id", nullable = false, updatable = false)
    private long postId;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private long channelId;

    @Column(name = "due_at", nullable = false)
    private long dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PublicationState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "network_post_id")
    private String networkPostId;

    @Column(name = "network_url")
    private String networkUrl;

    @Column
    private String reason;

    @Column(name = "next_attempt_at")
    private Long nextAttemptAt;

    @Column(name = "published_at")
    private Long publishedAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    @Version
    private int version;

    protected Publication() {
    }

    public Publication(long postId, long channelId, Instant due, Instant now) {
        this.postId = postId;
        this.channelId = channelId;
        this.dueAt = due.toEpochMilli();
        this.state = PublicationState.QUEUED;
        this.idempotencyKey = UUID.randomUUID().toString();
        this.updatedAt = now.toEpochMilli();
    }

    /** What the next attempt must do first. */
    public enum Attempt {
        /** Nothing was sent before: publish. */
        PUBLISH,
        /** An earlier request may have reached the network: ask it whether the post exists before sending again. */
        LOOKUP_FIRST
    }

    /**
     * A node takes the publication up. A publication found PUBLISHING was being sent by a node that died, so it is
     * treated as unconfirmed.
     */
    public Attempt start(Instant now) {
        Attempt attempt = switch (state) {
            case QUEUED, RETRY_WAIT -> Attempt.PUBLISH;
            case PUBLISHING, UNCONFIRMED -> Attempt.LOOKUP_FIRST;
            default -> throw new IllegalStateException("A " + state + " publication is not sent");
        };
        attempts++;
        state = PublicationState.PUBLISHING;
        nextAttemptAt = null;
        touch(now);
        return attempt;
    }

    public void published(String networkId, String url, Instant now) {
        requireState(PublicationState.PUBLISHING, "be marked published");
        state = PublicationState.PUBLISHED;
        networkPostId = networkId;
        networkUrl = url;
        reason = null;
        publishedAt = now.toEpochMilli();
        touch(now);
    }

    /** A failure that may pass: wait and try again, or fail for good when the policy's attempts are used up. */
    public Optional<Instant> retryLater(String why, Optional<Duration> askedDelay, RetryPolicy policy,
                                        java.util.random.RandomGenerator random, Instant now) {
        requireState(PublicationState.PUBLISHING, "wait to retry");
        if (!policy.mayRetryAfter(attempts)) {
            fail(why + " Herald tried " + attempts + " times and stopped; retry when the network is back.", now);
            return Optional.empty();
        }
        Instant next = now.plus(policy.delayAfter(attempts, askedDelay, random));
        state = PublicationState.RETRY_WAIT;
        reason = why;
        nextAttemptAt = next.toEpochMilli();
        touch(now);
        return Optional.of(next);
    }

    public void rejected(String why, Instant now) {
        requireState(PublicationState.PUBLISHING, "fail");
        fail(why, now);
    }

    /**
     * No answer after the request went out, or a lookup that could not tell. The next attempt asks again; when the
     * attempts are used up a person must look at the network and decide.
     */
    public Optional<Instant> unconfirmed(String why, RetryPolicy policy, java.util.random.RandomGenerator random,
                                         Instant now) {
        requireState(PublicationState.PUBLISHING, "be unconfirmed");
        if (!policy.mayRetryAfter(attempts)) {
            fail(why + " Herald could not confirm it after " + attempts + " attempts: look at the channel on the "
                    + "network, then retry if the post is not there.", now);
            return Optional.empty();
        }
        Instant next = now.plus(policy.delayAfter(attempts, Optional.empty(), random));
        state = PublicationState.UNCONFIRMED;
        reason = why;
        nextAttemptAt = next.toEpochMilli();
        touch(now);
        return Optional.of(next);
    }

    /** The channel must wait (a rate limit): the publication waits with it, without spending an attempt. */
    public void waitUntil(Instant until, String why, Instant now) {
        if (state != PublicationState.QUEUED && state != PublicationState.RETRY_WAIT) {
            throw new IllegalStateException("A " + state + " publication does not wait for its channel");
        }
        state = PublicationState.RETRY_WAIT;
        reason = why;
        nextAttemptAt = until.toEpochMilli();
        touch(now);
    }

    /** A person asks for another try now; the count of attempts starts again. */
    public Instant retry(Instant now) {
        if (state != PublicationState.FAILED && state != PublicationState.CANCELLED) {
            throw new RuleViolation("Only a failed or cancelled publication can be retried; this one is "
                    + state.label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        state = PublicationState.QUEUED;
        attempts = 0;
        reason = null;
        dueAt = now.toEpochMilli();
        touch(now);
        return now;
    }

    /** A new due time, for a publication that has not gone out. */
    public void reschedule(Instant due, Instant now) {
        if (state != PublicationState.QUEUED && state != PublicationState.RETRY_WAIT && state != PublicationState.FAILED
                && state != PublicationState.CANCELLED) {
            throw new RuleViolation("A " + state.label().toLowerCase(java.util.Locale.ROOT)
                    + " publication cannot be moved.");
        }
        if (state != PublicationState.QUEUED) {
            attempts = 0;
            reason = null;
        }
        state = PublicationState.QUEUED;
        dueAt = due.toEpochMilli();
        nextAttemptAt = null;
        touch(now);
    }

    /** Stops a publication that has not gone out; one that may be on its way to the network cannot be stopped. */
    public void cancel(String why, Instant now) {
        if (state == PublicationState.PUBLISHING || state == PublicationState.UNCONFIRMED
                || state == PublicationState.PUBLISHED) {
            throw new RuleViolation("A " + state.label().toLowerCase(java.util.Locale.ROOT)
                    + " publication cannot be cancelled.");
        }
        state = PublicationState.CANCELLED;
        reason = why;
        nextAttemptAt = null;
        touch(now);
    }

    public boolean isCancellable() {
        return state == PublicationState.QUEUED || state == PublicationState.RETRY_WAIT
                || state == PublicationState.FAILED;
    }

    private void fail(String why, Instant now) {
        state = PublicationState.FAILED;
        reason = why;
        nextAttemptAt = null;
        touch(now);
    }

    private void requireState(PublicationState expected, String what) {
        if (state != expected) {
            throw new IllegalStateException("A " + state + " publication cannot " + what);
        }
    }

    private void touch(Instant now) {
        updatedAt = now.toEpochMilli();
    }

    /** When the queue should next look at this publication. */
    public Instant nextDue() {
        return Instant.ofEpochMilli(nextAttemptAt != null ? nextAttemptAt : dueAt);
    }

    public Long getId() {
        return id;
    }

    public long getPostId() {
        return postId;
    }

    public long getChannelId() {
        return channelId;
    }

    public Instant getDueAt() {
        return Instant.ofEpochMilli(dueAt);
    }

    public PublicationState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getNetworkPostId() {
        return networkPostId;
    }

    public String getNetworkUrl() {
        return networkUrl;
    }

    public String getReason() {
        return reason;
    }

    public Optional<Instant> getPublishedAt() {
        return Optional.ofNullable(publishedAt).map(Instant::ofEpochMilli);
    }

    public Optional<Instant> getNextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt).map(Instant::ofEpochMilli);
    }
}
