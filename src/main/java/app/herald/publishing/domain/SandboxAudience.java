package app.herald.publishing.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The follower count of a Sandbox channel, generated like {@link SandboxPost}'s engagement: believable, and a pure
 * function of the channel and the instant, so the daily reading and a demo history built afterwards for past days tell
 * the same story. Each channel starts with 800 to 5000 followers on a day of its own within a year of {@link #SINCE}
 * and gains about 5 to 40 a day, more midweek than at the weekend, never losing any.
 */
public final class SandboxAudience {

    /**
     * The earliest day a Sandbox audience starts growing; before its own start a channel keeps its first count. A
     * Wednesday noon, where the weekly rhythm peaks, so whole weeks from it land on midweek.
     */
    public static final Instant SINCE = Instant.parse("2025-01-01T12:00:00Z");

    private static final double SECONDS_PER_DAY = 86_400;
    private static final double WEEK_DAYS = 7;

    private SandboxAudience() {
    }

    /** The channel's followers at the given instant; later instants never have fewer. */
    public static long followersAt(long channelId, Instant at) {
        long seed = SandboxRandom.mix(channelId);
        double first = 800 + SandboxRandom.unit(seed, 1) * 4_190;
        double perDay = 12 + SandboxRandom.unit(seed, 2) * 13;
        double rhythm = 0.2 + SandboxRandom.unit(seed, 3) * 0.15;
        long startDay = (long) (SandboxRandom.unit(seed, 4) * 365);
        double days = Duration.between(SINCE, at).getSeconds() / SECONDS_PER_DAY;
        double grown = Math.max(0, days - startDay);
        // Growth per day is perDay * (1 + rhythm * cos(2 pi t / 7)); its integral from the start day is closed-form,
        // so a reading years in costs the same as one on the first day.
        double angle = 2 * Math.PI / WEEK_DAYS;
        double weekly = rhythm * WEEK_DAYS / (2 * Math.PI)
                * (Math.sin(angle * (startDay + grown)) - Math.sin(angle * startDay));
        return (long) Math.floor(first + perDay * (grown + weekly) + wobble(seed, grown, perDay));
    }

    /**
     * A day-to-day irregularity, interpolated between whole days so the count moves smoothly. It never exceeds a
     * quarter of a day's average gain while the slowest day still gains more than half of it, so the count never
     * drops.
     */
    private static double wobble(long seed, double days, double perDay) {
        long day = (long) Math.floor(days);
        double within = days - day;
        double today = SandboxRandom.unit(seed, 100 + day);
        double tomorrow = SandboxRandom.unit(seed, 101 + day);
        return perDay * 0.25 * (today + (tomorrow - today) * within);
    }
}
