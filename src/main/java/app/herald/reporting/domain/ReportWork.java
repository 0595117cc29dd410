package app.herald.reporting.domain;

/** The kinds of work on the job engine's reports queue. */
public enum ReportWork {
    /** Build a requested report. */
    REPORT,
    /** Run a schedule: build the period's report and mail it to the schedule's recipients. */
    SCHEDULE
}
