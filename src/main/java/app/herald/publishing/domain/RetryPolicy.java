package app.herald.publishing.domain;

import app.herald.jobs.domain.Backoff;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try again after a failure: exponential backoff (base, 2 x base, 4 x base, ...) capped at {@code max}, with
 * up to 20% random jitter so that a cluster's retries after a network outage do not arrive together, and never sooner
 * than the network's own Retry-After. After {@code maxAttempts} attempts the publication fails for a person to act.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {

    public RetryPolicy {
        if (maxAttempts < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("A retry policy needs at least one attempt and 0 < base <= max");
        }
    }

    public boolean mayRetryAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait before the next attempt, after {@code attemptsMade} (at least 1) attempts. */
    public Duration delayAfter(int attemptsMade, Optional<Duration> askedByNetwork, RandomGenerator random) {
        Duration backoff = new Backoff(base, max).after(attemptsMade, random);
        return askedByNetwork.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
    }
}
