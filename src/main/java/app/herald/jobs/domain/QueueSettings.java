package app.herald.jobs.domain;

import java.time.Duration;

/**
 * How the engine runs one queue on each node.
 *
 * @param enabled     whether this node works the queue at all
 * @param concurrency how many of its jobs run at once on this node (threads)
 * @param lease       how long a claim holds before another node may take the job over; renewed while it runs
 * @param lookahead   how far ahead jobs are claimed, to start each at its exact due instant (zero: claim when due)
 * @param pollEvery   how often the node looks for due jobs
 * @param batch       at most this many jobs per claim statement
 * @param maxClaimed  at most this many of the queue's jobs held by this node, running or waiting for their instant
 * @param maxAttempts attempts before a job that keeps failing with an error is given up (dead)
 * @param backoff     the wait before retrying a job that failed with an error
 */
public record QueueSettings(boolean enabled, int concurrency, Duration lease, Duration lookahead, Duration pollEvery,
                            int batch, int maxClaimed, int maxAttempts, Backoff backoff) {

    public QueueSettings {
        if (concurrency < 1 || batch < 1 || maxClaimed < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("Queue settings need at least one thread, batch, claim and attempt");
        }
        if (lease.compareTo(Duration.ofSeconds(3)) < 0 || lookahead.isNegative()
                || lease.compareTo(lookahead.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("A lease (" + lease + ") must be at least 3 s and well beyond the "
                    + "look-ahead (" + lookahead + ")");
        }
        if (pollEvery.isNegative() || pollEvery.isZero()) {
            throw new IllegalArgumentException("A queue must be polled at some interval");
        }
    }

    /** A queue that runs {@code concurrency} jobs at once, each under a lease of {@code lease}, polled every second. */
    public static QueueSettings of(int concurrency, Duration lease) {
        return new QueueSettings(true, concurrency, lease, Duration.ZERO, Duration.ofSeconds(1), 50,
                concurrency * 2, 5, new Backoff(Duration.ofSeconds(30), Duration.ofHours(1)));
    }

    public QueueSettings enabled(boolean value) {
        return new QueueSettings(value, concurrency, lease, lookahead, pollEvery, batch, maxClaimed, maxAttempts,
                backoff);
    }

    public QueueSettings lookahead(Duration value, int claimed) {
        return new QueueSettings(enabled, concurrency, lease, value, pollEvery, batch, claimed, maxAttempts, backoff);
    }

    public QueueSettings pollEvery(Duration value) {
        return new QueueSettings(enabled, concurrency, lease, lookahead, value, batch, maxClaimed, maxAttempts, backoff);
    }

    public QueueSettings batch(int value) {
        return new QueueSettings(enabled, concurrency, lease, lookahead, pollEvery, value, maxClaimed, maxAttempts,
                backoff);
    }

    public QueueSettings retries(int attempts, Backoff value) {
        return new QueueSettings(enabled, concurrency, lease, lookahead, pollEvery, batch, maxClaimed, attempts, value);
    }
}
