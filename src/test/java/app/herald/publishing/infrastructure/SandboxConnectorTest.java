package app.herald.publishing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.publishing.domain.AccountCheck;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.Metric;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.SandboxAudience;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Sandbox's generated audience: what the daily reading shows and what a demo history computes for past days. */
class SandboxConnectorTest {

    private static final Instant LONG_BEFORE = Instant.parse("2024-06-01T00:00:00Z");
    private static final Instant WELL_AFTER = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void theReadingIsTheGeneratedFollowerCountNow() {
        ChannelAccess channel = new ChannelAccess(21, "", "demo", Map.of());

        long before = SandboxAudience.followersAt(21, Instant.now());
        MetricReading reading = new SandboxConnector().fetchChannelMetrics(channel);
        long after = SandboxAudience.followersAt(21, Instant.now());

        assertEquals(Map.of(Metric.FOLLOWERS, reading.value(Metric.FOLLOWERS).orElseThrow()), reading.values());
        long followers = reading.value(Metric.FOLLOWERS).orElseThrow();
        assertTrue(before <= followers && followers <= after, before + " <= " + followers + " <= " + after);
    }

    @Test
    void theSameChannelAndInstantAlwaysGiveTheSameCount() {
        Instant at = Instant.parse("2026-02-10T08:30:00Z");

        assertEquals(SandboxAudience.followersAt(5, at), SandboxAudience.followersAt(5, at));
        assertNotEquals(SandboxAudience.followersAt(5, at), SandboxAudience.followersAt(6, at));
    }

    @Test
    void everyChannelStartsWithBetween800And5000Followers() {
        for (long channel = 1; channel <= 500; channel++) {
            long first = SandboxAudience.followersAt(channel, LONG_BEFORE);
            assertTrue(first >= 800 && first < 5000, "channel " + channel + " starts with " + first);
            assertEquals(first, SandboxAudience.followersAt(channel, SandboxAudience.SINCE.minusSeconds(1)));
        }
    }

    @Test
    void theCountGrowsByFiveToFortyADayAndNeverDrops() {
        for (long channel = 1; channel <= 60; channel++) {
            long previous = SandboxAudience.followersAt(channel, SandboxAudience.SINCE);
            for (Instant day = SandboxAudience.SINCE.plus(Duration.ofDays(1)); day.isBefore(WELL_AFTER);
                 day = day.plus(Duration.ofDays(1))) {
                long today = SandboxAudience.followersAt(channel, day);
                long gained = today - previous;
                boolean started = previous != SandboxAudience.followersAt(channel, LONG_BEFORE);
                assertTrue(gained >= 0 && gained <= 41, "channel " + channel + " gained " + gained + " by " + day);
                assertTrue(!started || gained >= 4, "channel " + channel + " gained only " + gained + " by " + day);
                previous = today;
            }
        }
    }

    @Test
    void theCountMovesSmoothlyWithinADay() {
        Instant morning = Instant.parse("2026-01-14T06:00:00Z");
        long previous = SandboxAudience.followersAt(3, morning);
        for (int hour = 1; hour <= 24; hour++) {
            long now = SandboxAudience.followersAt(3, morning.plus(Duration.ofHours(hour)));
            assertTrue(now >= previous && now - previous <= 5, previous + " then " + now + " an hour later");
            previous = now;
        }
    }

    @Test
    void midweekGainsMoreThanTheWeekend() {
        long midweek = 0;
        long weekend = 0;
        for (long channel = 1; channel <= 40; channel++) {
            for (Instant day = Instant.parse("2026-01-01T00:00:00Z"); day.isBefore(WELL_AFTER);
                 day = day.plus(Duration.ofDays(1))) {
                long gained = SandboxAudience.followersAt(channel, day.plus(Duration.ofDays(1)))
                        - SandboxAudience.followersAt(channel, day);
                DayOfWeek weekday = day.atOffset(ZoneOffset.UTC).getDayOfWeek();
                if (weekday == DayOfWeek.TUESDAY || weekday == DayOfWeek.WEDNESDAY) {
                    midweek += gained;
                } else if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                    weekend += gained;
                }
            }
        }
        assertTrue(midweek > weekend * 1.2, "midweek " + midweek + ", weekend " + weekend);
    }

    @Test
    void theSandboxConfirmsItsOwnHandle() {
        assertEquals(new AccountCheck.Confirmed("@demo"), new SandboxConnector().whoAmI(new ChannelAccess(21, "", "@demo", Map.of())));
    }
}
