package app.herald.analytics.domain;

import java.time.LocalDate;

/** One day of a client's activity, summed over the channels in view; network numbers are null when not offered. */
public record DailyPoint(LocalDate day, int postsPublished, Long impressions, Long engagements, long clicks,
                         long conversions, long conversionValueCents) {
}
