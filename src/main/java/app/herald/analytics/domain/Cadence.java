package app.herald.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a published post is measured: often while its numbers move, rarely once they settle. Most engagement arrives in
 * the first day; after a month a post's numbers barely change, so measuring stops there.
 */
public final class Cadence {

    public static final List<Duration> CHECKPOINTS = List.of(Duration.ofHours(1), Duration.ofHours(6),
            Duration.ofHours(24), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30));

    private Cadence() {
    }

    /** When checkpoint {@code step} (0-based) of a post published at {@code publishedAt} falls due; empty after the last. */
    public static Optional<Instant> due(int step, Instant publishedAt) {
        return step < 0 || step >= CHECKPOINTS.size() ? Optional.empty()
                : Optional.of(publishedAt.plus(CHECKPOINTS.get(step)));
    }

    /** The first checkpoint still ahead of {@code now}, for a post whose earlier checkpoints were missed. */
    public static int nextStepAfter(Instant publishedAt, Instant now) {
        int step = 0;
        while (step < CHECKPOINTS.size() - 1 && publishedAt.plus(CHECKPOINTS.get(step)).isBefore(now)) {
            step++;
        }
        return step;
    }
}
