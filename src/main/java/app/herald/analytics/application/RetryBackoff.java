package app.herald.analytics.application;

import java.time.Duration;

/** How long a failed reading waits: 5 minutes, doubling per attempt, at most 6 hours; five attempts per checkpoint. */
final class RetryBackoff {

    static final int MAX_ATTEMPTS = 5;

    private RetryBackoff() {
    }

    static Duration after(int attempts) {
        long minutes = 5L << Math.min(Math.max(attempts - 1, 0), 10);
        return Duration.ofMinutes(Math.min(minutes, 360));
    }

    static boolean exhausted(int attempts) {
        return attempts >= MAX_ATTEMPTS;
    }
}
