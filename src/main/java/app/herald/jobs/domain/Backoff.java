package app.herald.jobs.domain;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying again: {@code base}, then twice that, four times, ..., at most {@code max}, plus up
 * to a fifth more at random, so that a cluster's retries after an outage do not all arrive at once.
 */
public record Backoff(Duration base, Duration max) {

    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("A backoff needs 0 < base <= max, not " + base + " and " + max);
        }
    }

    /** The wait after {@code attemptsMade} (at least 1) failed attempts. */
    public Duration after(int attemptsMade, RandomGenerator random) {
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 20);
        long millis = Math.min(base.toMillis() << doublings, max.toMillis());
        long jitter = (long) (millis * 0.2 * random.nextDouble());
        return Duration.ofMillis(millis + jitter);
    }
}
