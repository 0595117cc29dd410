package app.herald.jobs.application;

import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import java.time.Instant;
import java.util.List;

/**
 * The work of one queue, found through CDI by the {@link JobEngine}: adding a kind of background work is one handler.
 * {@link #run} is called on one of the engine's threads for each claimed job. A handler that writes results should
 * finish the job in the same transaction ({@link Jobs#finish}), so that its results and the job's next state commit
 * together; the outcome it returns is recorded otherwise. A handler lets unexpected errors out: the engine logs them,
 * retries with backoff and gives the job up after the queue's attempts.
 */
public interface JobHandler {

    /** The queue's name, as stored in the job table; at most 20 characters. */
    String queue();

    QueueSettings settings();

    Outcome run(Job job);

    /** Platform-wide work that recurs for as long as Herald runs: planned once, then each run plans the next. */
    default List<Recurring> recurring() {
        return List.of();
    }

    /** A recurring job of this queue, first due at {@code firstDue} if it does not exist yet. */
    record Recurring(String kind, Instant firstDue) {
    }
}
