package app.herald.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sliding-window limit on failed sign-ins: after {@code maxFailures} failures within {@code window}, further attempts
 * are refused until the oldest of them leaves the window.
 */
public record ThrottlePolicy(int maxFailures, Duration window) {

    /** When the subject may try again, or empty if it may try now. {@code failures} are sorted, oldest first. */
    public Optional<Instant> lockedUntil(List<Instant> failures, Instant now) {
        Instant windowStart = now.minus(window);
        List<Instant> recent = failures.stream().filter(f -> !f.isBefore(windowStart)).toList();
        if (recent.size() < maxFailures) {
            return Optional.empty();
        }
        Instant release = recent.get(recent.size() - maxFailures).plus(window);
        return release.isAfter(now) ? Optional.of(release) : Optional.empty();
    }
}
