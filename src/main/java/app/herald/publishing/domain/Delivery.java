package app.herald.publishing.domain;

import app.herald.kernel.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Something Herald puts on a network exactly once: a post's variant on a channel ({@link Publication}) or an answer
 * in a client's inbox. It keeps one idempotency key over all its attempts, and every change of state goes through a
 * method here that refuses a change that makes no sense: what may have reached the network is never sent again
 * without asking the network first (ADR 0008). Each owner maps these columns into its own table.
 */
@MappedSuperclass
public abstract class Delivery implements Serializable {

    private static final long serialVersionUID = 1L;

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

    protected Delivery() {
    }

    /** Queued for {@code due}, or held (waiting for an approval) until {@link #release}. */
    protected Delivery(Instant due, Instant now, boolean held) {
        this.dueAt = due.toEpochMilli();
        this.state = held ? PublicationState.HELD : PublicationState.QUEUED;
        this.idempotencyKey = UUID.randomUUID().toString();
        this.updatedAt = now.toEpochMilli();
    }

    /** What the next attempt must do first. */
    public enum Attempt {
        /** Nothing was sent before: publish. */
        PUBLISH,
        /** An earlier request may have reached the network: ask it whether it exists before sending again. */
        LOOKUP_FIRST
    }

    /** A held delivery was approved: it is queued for {@code due}. */
    public void release(Instant due, Instant now) {
        requireState(PublicationState.HELD, "be released");
        state = PublicationState.QUEUED;
        dueAt = due.toEpochMilli();
        touch(now);
    }

    /**
     * A node takes the delivery up. One found PUBLISHING was being sent by a node that died, so it is treated as
     * unconfirmed.
     */
    public Attempt start(Instant now) {
        Attempt attempt;
        if (state.isUnsent()) {
            attempt = Attempt.PUBLISH;
        } else if (state == PublicationState.PUBLISHING || state == PublicationState.UNCONFIRMED) {
            attempt = Attempt.LOOKUP_FIRST;
        } else {
            throw new IllegalStateException("A " + state + " delivery is not sent");
        }
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
                                        RandomGenerator random, Instant now) {
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
    public Optional<Instant> unconfirmed(String why, RetryPolicy policy, RandomGenerator random, Instant now) {
        requireState(PublicationState.PUBLISHING, "be unconfirmed");
        if (!policy.mayRetryAfter(attempts)) {
            fail(why + " Herald could not confirm it after " + attempts + " attempts: look at the channel on the "
                    + "network, then retry if it is not there.", now);
            return Optional.empty();
        }
        Instant next = now.plus(policy.delayAfter(attempts, Optional.empty(), random));
        state = PublicationState.UNCONFIRMED;
        reason = why;
        nextAttemptAt = next.toEpochMilli();
        touch(now);
        return Optional.of(next);
    }

    /** The channel must wait (a rate limit): the delivery waits with it, without spending an attempt. */
    public void waitUntil(Instant until, String why, Instant now) {
        if (state != PublicationState.QUEUED && state != PublicationState.RETRY_WAIT) {
            throw new IllegalStateException("A " + state + " delivery does not wait for its channel");
        }
        state = PublicationState.RETRY_WAIT;
        reason = why;
        nextAttemptAt = until.toEpochMilli();
        touch(now);
    }

    /** A person asks for another try now; the count of attempts starts again. */
    public Instant retry(Instant now) {
        if (state != PublicationState.FAILED && state != PublicationState.CANCELLED) {
            throw new RuleViolation("Only what failed or was cancelled can be retried; this is "
                    + state.label().toLowerCase(Locale.ROOT) + ".");
        }
        state = PublicationState.QUEUED;
        attempts = 0;
        reason = null;
        dueAt = now.toEpochMilli();
        touch(now);
        return now;
    }

    /** A new due time, for what has not gone out. */
    public void reschedule(Instant due, Instant now) {
        if (state != PublicationState.QUEUED && state != PublicationState.RETRY_WAIT && state != PublicationState.FAILED
                && state != PublicationState.CANCELLED) {
            throw new RuleViolation("What is " + state.label().toLowerCase(Locale.ROOT) + " cannot be moved.");
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

    /** Stops what has not gone out; what may be on its way to the network cannot be stopped. */
    public void cancel(String why, Instant now) {
        if (state == PublicationState.PUBLISHING || state == PublicationState.UNCONFIRMED
                || state == PublicationState.PUBLISHED) {
            throw new RuleViolation("What is " + state.label().toLowerCase(Locale.ROOT) + " cannot be cancelled.");
        }
        state = PublicationState.CANCELLED;
        reason = why;
        nextAttemptAt = null;
        touch(now);
    }

    public boolean isCancellable() {
        return state == PublicationState.QUEUED || state == PublicationState.RETRY_WAIT
                || state == PublicationState.FAILED || state == PublicationState.HELD;
    }

    private void fail(String why, Instant now) {
        state = PublicationState.FAILED;
        reason = why;
        nextAttemptAt = null;
        touch(now);
    }

    private void requireState(PublicationState expected, String what) {
        if (state != expected) {
            throw new IllegalStateException("A " + state + " delivery cannot " + what);
        }
    }

    private void touch(Instant now) {
        updatedAt = now.toEpochMilli();
    }

    /** When the queue should next look at this delivery. */
    public Instant nextDue() {
        return Instant.ofEpochMilli(nextAttemptAt != null ? nextAttemptAt : dueAt);
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

    public Instant getUpdatedAt() {
        return Instant.ofEpochMilli(updatedAt);
    }
}
