package app.herald.analytics.application;

import app.herald.jobs.domain.Backoff;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** How long a failed reading waits: 5 minutes, doubling per attempt, at most 6 hours; five attempts per checkpoint. */
final class RetryBackoff {

    static final int MAX_ATTEMPTS = 5;
    static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(5), Duration.ofHours(6));

    private RetryBackoff() {
    }

    static Duration after(int attempts) {
        return BACKOFF.after(attempts, ThreadLocalRandom.current());
    }

    static boolean exhausted(int attempts) {
        return attempts >= MAX_ATTEMPTS;
    }
}
