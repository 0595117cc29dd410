package app.herald.analytics.domain;

import app.herald.publishing.domain.Metric;
import app.herald.publishing.domain.MetricReading;
import java.util.stream.Stream;

/**
 * A post's lifetime numbers as a network reported them; {@code null} means the network does not offer that number.
 * Engagements are the interactions a person made with the post: likes (or reactions, favourites), shares (reposts,
 * reblogs), replies (comments), quotes, saves (bookmarks) and the clicks on the post the network itself counts,
 * whichever of those the network offers (docs/analytics.md).
 */
public record PostNumbers(Long impressions, Long reach, Long likes, Long shares, Long replies, Long quotes,
                          Long saves, Long linkClicks, Long videoViews) {

    public static final PostNumbers NONE = new PostNumbers(null, null, null, null, null, null, null, null, null);

    public static PostNumbers of(MetricReading reading) {
        return new PostNumbers(value(reading, Metric.IMPRESSIONS), value(reading, Metric.REACH),
                value(reading, Metric.LIKES), value(reading, Metric.SHARES), value(reading, Metric.REPLIES),
                value(reading, Metric.QUOTES), value(reading, Metric.SAVES), value(reading, Metric.LINK_CLICKS),
                value(reading, Metric.VIDEO_VIEWS));
    }

    private static Long value(MetricReading reading, Metric metric) {
        return reading.value(metric).isPresent() ? reading.value(metric).getAsLong() : null;
    }

    /** The sum of the interactions the network offers; null when it offers none of them. */
    public Long engagements() {
        return Stream.of(likes, shares, replies, quotes, saves, linkClicks)
                .filter(java.util.Objects::nonNull).reduce(Long::sum).orElse(null);
    }

    /** How much a number grew since an earlier reading; a number missing now adds nothing. */
    public static Long growth(Long now, Long before) {
        if (now == null) {
            return null;
        }
        return now - (before == null ? 0 : before);
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }
}
