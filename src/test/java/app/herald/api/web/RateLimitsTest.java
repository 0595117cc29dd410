package app.herald.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private static RateLimits limits(int perToken, int perAgency) {
        RateLimits limits = new RateLimits();
        limits.perToken = perToken;
        limits.perAgency = perAgency;
        return limits;
    }

    @Test
    void aTokenGetsAMinutesWorthThenWaitsForTheBucketToRefill() {
        RateLimits limits = limits(60, 1000);
        long start = 1_000_000_000L;
        for (int i = 0; i < 60; i++) {
            assertTrue(limits.take(1, 1, start).allowed(), "request " + i);
        }
        RateLimits.Verdict refused = limits.take(1, 1, start);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.resetSeconds(), "60 a minute: one more a second");
        assertTrue(limits.take(2, 1, start).allowed(), "another token has its own bucket");
        assertTrue(limits.take(1, 1, start + Duration.ofSeconds(1).toNanos()).allowed(), "a second later, one more");
        assertFalse(limits.take(1, 1, start + Duration.ofSeconds(1).toNanos()).allowed());
    }

    @Test
    void theAgencysLimitHoldsAcrossItsTokensAndARefusedTokenSpendsNothingOfIt() {
        RateLimits limits = limits(5, 8);
        long now = 42L;
        int served = 0;
        for (long token = 1; token <= 3; token++) {
            for (int i = 0; i < 6; i++) {
                served += limits.take(token, 9, now).allowed() ? 1 : 0;
            }
        }
        assertEquals(8, served, "5 of the first token, 3 of the second, none of the third");
        assertTrue(limits.take(4, 10, now).allowed(), "another agency is not held back");
    }
}
