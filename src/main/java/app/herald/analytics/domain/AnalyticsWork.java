package app.herald.analytics.domain;

/** The kinds of analytics work on the job engine's analytics queue. */
public enum AnalyticsWork {
    /** Measure a publication at checkpoint {@code step} of the {@link Cadence}. */
    POST,
    /** Read a channel's followers; daily. */
    CHANNEL,
    /** Remove raw snapshots older than their retention, in every tenant; daily, once per cluster. */
    PURGE_SNAPSHOTS
}
