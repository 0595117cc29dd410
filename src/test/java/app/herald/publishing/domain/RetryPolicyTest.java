package app.herald.publishing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(5));
    private static final RandomGenerator NO_JITTER = () -> 0L;

    @Test
    void doublesFromTheBaseUpToTheCap() {
        assertEquals(Duration.ofSeconds(30), POLICY.delayAfter(1, Optional.empty(), NO_JITTER));
        assertEquals(Duration.ofSeconds(60), POLICY.delayAfter(2, Optional.empty(), NO_JITTER));
        assertEquals(Duration.ofSeconds(120), POLICY.delayAfter(3, Optional.empty(), NO_JITTER));
        assertEquals(Duration.ofSeconds(240), POLICY.delayAfter(4, Optional.empty(), NO_JITTER));
        assertEquals(Duration.ofMinutes(5), POLICY.delayAfter(5, Optional.empty(), NO_JITTER));
        assertEquals(Duration.ofMinutes(5), POLICY.delayAfter(60, Optional.empty(), NO_JITTER));
    }

    @Test
    void jitterAddsAtMostAFifth() {
        RandomGenerator almostOne = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return 0.999999;
            }
        };
        Duration d = POLICY.delayAfter(1, Optional.empty(), almostOne);
        assertTrue(d.compareTo(Duration.ofSeconds(30)) > 0 && d.compareTo(Duration.ofSeconds(36)) <= 0, d.toString());
    }

    @Test
    void retryAfterWinsOnlyWhenLonger() {
        assertEquals(Duration.ofMinutes(10), POLICY.delayAfter(1, Optional.of(Duration.ofMinutes(10)), NO_JITTER));
        assertEquals(Duration.ofSeconds(30), POLICY.delayAfter(1, Optional.of(Duration.ofSeconds(3)), NO_JITTER));
    }

    @Test
    void countsAttempts() {
        assertTrue(POLICY.mayRetryAfter(4));
        assertFalse(POLICY.mayRetryAfter(5));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(2)));
    }
}
