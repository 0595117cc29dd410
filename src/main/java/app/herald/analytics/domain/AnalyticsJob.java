package app.herald.analytics.domain;

import java.time.Instant;

/** One claimed piece of analytics work: measure a post, read a channel's followers, build a report, run a schedule. */
public record AnalyticsJob(long id, long tenantId, Kind kind, long subjectId, int step, Instant dueAt, int attempts) {

    public enum Kind {
        /** Measure a publication at checkpoint {@code step} of the {@link Cadence}. */
        POST,
        /** Read a channel's followers; daily. */
        CHANNEL,
        /** Build a requested report. */
        REPORT,
        /** Request the next report of a schedule. */
        SCHEDULE
    }
}
