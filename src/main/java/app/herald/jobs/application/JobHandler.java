package app.herald.jobs.application;

import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The work of one queue, found through CDI by the {@link JobEngine}: adding a kind of background work is one handler.
 * {@link #start} (by default {@link #run}) is called on one of the engine's threads for each claimed job. A handler
 * that writes results should finish the job in the same transaction ({@link Jobs#finish}), so that its results and
 * the job's next state commit together; the outcome it returns is recorded otherwise. A handler lets unexpected
 * errors out: the engine logs them, retries with backoff and gives the job up after the queue's attempts.
 */
public interface JobHandler {

    /** The queue's name, as stored in the job table; at most 20 characters. */
    String queue();

    QueueSettings settings();

    /** Does the job's work on the calling thread, one of the engine's; a handler overriding {@link #start} need not. */
    default Outcome run(Job job) {
        throw new UnsupportedOperationException("Jobs of queue " + queue() + " are started, not run");
    }

    /**
     * Starts the job's work and answers its outcome when it ends; by default, {@link #run}. A handler whose work waits
     * on an outside answer (a network) returns a stage that completes later, so that no engine thread waits with it;
     * whatever it does after the answer (its own transaction) must run on {@code engineThreads}, the queue's bounded
     * managed pool, never on the thread that delivered the answer. Its writes stay fenced by the job's claim token.
     */
    default CompletionStage<Outcome> start(Job job, Executor engineThreads) {
        return CompletableFuture.completedFuture(run(job));
    }

    /** Platform-wide work that recurs for as long as Herald runs: planned once, then each run plans the next. */
    default List<Recurring> recurring() {
        return List.of();
    }

    /** A recurring job of this queue, first due at {@code firstDue} if it does not exist yet. */
    record Recurring(String kind, Instant firstDue) {
    }
}
