package app.herald.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.domain.ThrottlePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    private final ThrottlePolicy policy = new ThrottlePolicy(3, Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2026-03-29T01:00:00Z");

    @Test
    void allowsFewerFailuresThanTheLimit() {
        assertTrue(policy.lockedUntil(List.of(now.minusSeconds(60), now.minusSeconds(30)), now).isEmpty());
        assertTrue(policy.lockedUntil(List.of(), now).isEmpty());
    }

    @Test
    void locksUntilTheOldestCountedFailureLeavesTheWindow() {
        Instant first = now.minus(Duration.ofMinutes(10));
        List<Instant> failures = List.of(first, now.minus(Duration.ofMinutes(5)), now.minusSeconds(1));
        assertEquals(Optional.of(first.plus(Duration.ofMinutes(15))), policy.lockedUntil(failures, now));
        assertTrue(policy.lockedUntil(failures, first.plus(Duration.ofMinutes(15))).isEmpty(), "released on time");
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        List<Instant> failures = List.of(now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(16)),
                now.minusSeconds(5));
        assertTrue(policy.lockedUntil(failures, now).isEmpty());
    }

    @Test
    void manyFailuresLockUntilTheNewestCountingOneExpires() {
        List<Instant> failures = List.of(now.minus(Duration.ofMinutes(14)), now.minus(Duration.ofMinutes(10)),
                now.minus(Duration.ofMinutes(3)), now.minus(Duration.ofMinutes(2)), now.minus(Duration.ofMinutes(1)));
        assertEquals(Optional.of(now.minus(Duration.ofMinutes(3)).plus(Duration.ofMinutes(15))),
                policy.lockedUntil(failures, now));
    }
}
