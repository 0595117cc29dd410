package app.herald.reporting.domain;

/** Told how far a report's writer has come, so that the person waiting sees a progress bar that moves. */
@FunctionalInterface
public interface ReportProgress {

    /** @param percent 0 to 100 */
    void at(int percent);

    ReportProgress IGNORED = percent -> { };
}
