package app.herald.jobs.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffAndSettingsTest {

    /** A random source that always answers the same fraction. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void theWaitDoublesPerAttemptUpToItsCapWithAtMostAFifthOfJitter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertEquals(Duration.ofSeconds(30), backoff.after(1, fixed(0)));
        assertEquals(Duration.ofSeconds(60), backoff.after(2, fixed(0)));
        assertEquals(Duration.ofSeconds(120), backoff.after(3, fixed(0)));
        assertEquals(Duration.ofMinutes(5), backoff.after(10, fixed(0)), "capped");
        assertEquals(Duration.ofMinutes(6), backoff.after(10, fixed(1)), "a fifth more at most");
        assertEquals(Duration.ofSeconds(30), backoff.after(0, fixed(0)), "no attempt yet waits the base");
        assertEquals(Duration.ofMinutes(5), backoff.after(Integer.MAX_VALUE, fixed(0)), "no overflow");
    }

    @Test
    void aBackoffNeedsAPositiveBaseBelowItsCap() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void aQueueClaimsAheadOnlyWellWithinItsLease() {
        QueueSettings base = QueueSettings.of(4, Duration.ofSeconds(60));
        assertEquals(8, base.maxClaimed(), "twice its threads by default");
        assertEquals(Duration.ZERO, base.lookahead());
        assertEquals(Duration.ofSeconds(2), base.lookahead(Duration.ofSeconds(2), 500).lookahead());
        assertThrows(IllegalArgumentException.class, () -> base.lookahead(Duration.ofSeconds(30), 500),
                "a claim ahead must leave most of the lease for the work");
        assertThrows(IllegalArgumentException.class, () -> QueueSettings.of(4, Duration.ofSeconds(1)),
                "a lease of a second would run out between renewals");
        assertThrows(IllegalArgumentException.class, () -> QueueSettings.of(0, Duration.ofSeconds(60)));
        assertTrue(base.enabled(false).pollEvery(Duration.ofSeconds(5)).retries(3, new Backoff(Duration.ofSeconds(1),
                Duration.ofSeconds(2))).maxAttempts() == 3);
    }
}
